package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** DER encodings against known byte strings (X.690, RFC 5280). */
class DerTest {

  private static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }

  @Test
  void objectIdentifiers() {
    assertThat(hex(Der.oid("1.2.840.113549.1.5.13"))).isEqualTo("06092a864886f70d01050d");
    assertThat(hex(Der.oid("1.3.101.112"))).isEqualTo("06032b6570");
    assertThat(hex(Der.oid("2.5.29.19"))).isEqualTo("0603551d13");
    assertThat(hex(Der.oid("2.16.840.1.101.3.4.3.19"))).isEqualTo("0609608648016503040313");
  }

  @Test
  void lengthsInShortAndLongForm() {
    assertThat(hex(Der.octetString(new byte[127])).substring(0, 4)).isEqualTo("047f");
    assertThat(hex(Der.octetString(new byte[128])).substring(0, 6)).isEqualTo("048180");
    assertThat(hex(Der.octetString(new byte[300])).substring(0, 8)).isEqualTo("0482012c");
    assertThat(hex(Der.octetString(new byte[70000])).substring(0, 10)).isEqualTo("0483011170");
  }

  @Test
  void primitives() {
    assertThat(hex(Der.integer(BigInteger.valueOf(2)))).isEqualTo("020102");
    assertThat(hex(Der.integer(BigInteger.valueOf(128)))).isEqualTo("02020080");
    assertThat(hex(Der.bool(true))).isEqualTo("0101ff");
    assertThat(hex(Der.nullValue())).isEqualTo("0500");
    assertThat(hex(Der.bitString(new byte[] {(byte) 0xab}))).isEqualTo("030200ab");
    assertThat(hex(Der.utf8String("ab"))).isEqualTo("0c026162");
    assertThat(hex(Der.sequence())).isEqualTo("3000");
    assertThat(hex(Der.explicit(3, Der.sequence()))).isEqualTo("a3023000");
  }

  @Test
  void timesSwitchToGeneralizedTimeIn2050() {
    assertThat(new String(Der.time(ZonedDateTime.of(2026, 11, 29, 1, 2, 3, 999, ZoneOffset.UTC))))
        .endsWith("261129010203Z");
    assertThat(Der.time(ZonedDateTime.of(2049, 12, 31, 23, 59, 59, 0, ZoneOffset.UTC))[0])
        .isEqualTo((byte) 0x17);
    // The year is decided in UTC: 00:00 at UTC+2 is still 2049 in UTC, 00:00 at UTC-2 is not.
    assertThat(Der.time(ZonedDateTime.of(2050, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(2)))[0])
        .isEqualTo((byte) 0x17);
    byte[] g = Der.time(ZonedDateTime.of(2050, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(-2)));
    assertThat(g[0]).isEqualTo((byte) 0x18);
    assertThat(new String(g, 2, g.length - 2, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("20500101020000Z");
  }
}
