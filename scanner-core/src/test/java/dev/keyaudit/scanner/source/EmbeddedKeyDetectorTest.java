package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** The DER shape decides what is a private key, not the length of the text. */
class EmbeddedKeyDetectorTest {

  private static final String RSA_PKCS1 =
      "MIIBOwIBAAJBAMLpZlssoyk/EOP13/1EYDyQLrVc5fGFlmn5nZoR3SEZdkdXZghP"
          + "8f2BR2Fqh4PpyJ20VOVTI06LPD6f8G3f39cCAwEAAQJBAJJ9qRhNbDPL2n36heZs"
          + "RYg/NVvJ/miP5oSvvuvVEUWV9Rlt9hHjkxWIZL+SEpCq3az1QTiYk7HVkeJQ5bZ3"
          + "IIECIQDtDabWRLyimRraGLJnLGEiA4utMvdqW6WESmImS2UKbwIhANJ9fRb6iK6E"
          + "uvHLqBuBKtudrYIpjhfxj2xn+2NlpVUZAiEAjInZbZLW2vc2SjL2IeDXvVioyIg8"
          + "0tt+p42J3vY38xUCIBdbJU4vbosu3y+FUZn7sy27SU1wHvw5KZj10McuuDHBAiAj"
          + "tmNUKyYkI6FqsC9X/vvziWrhgd8COIClh+ja+Skm3g==";
  private static final String EC_SEC1 =
      "MHcCAQEEIIHoNjKTRz5UlgeMBsgidSQXyVglhEY+vg3cOUEGgDpDoAoGCCqGSM49"
          + "AwEHoUQDQgAELI9UiEe2yoz+mm5sTQCQiabVD6WcIyHZDYU77PFHQILY2bAm6P9W"
          + "liLVgBbBGz+LMb35yFT6THCCraF90IYk2Q==";
  private static final String EC_PUBLIC =
      "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAELI9UiEe2yoz+mm5sTQCQiabVD6Wc"
          + "IyHZDYU77PFHQILY2bAm6P9WliLVgBbBGz+LMb35yFT6THCCraF90IYk2Q==";

  @Test
  void derPrivateKeyFormats() {
    assertThat(EmbeddedKeyDetector.detect(KeyMaterialFactsTest.EC_PKCS8))
        .contains("base64 PKCS#8 private key");
    assertThat(EmbeddedKeyDetector.detect(RSA_PKCS1)).contains("base64 PKCS#1 RSA private key");
    assertThat(EmbeddedKeyDetector.detect(EC_SEC1)).contains("base64 SEC1 EC private key");
    // Line breaks inside the base64 do not matter.
    assertThat(EmbeddedKeyDetector.detect(RSA_PKCS1.replaceAll("(.{64})", "$1\n")))
        .contains("base64 PKCS#1 RSA private key");
  }

  @Test
  void pemBlocksNeedABody() {
    assertThat(
            EmbeddedKeyDetector.detect(
                "-----BEGIN OPENSSH PRIVATE KEY-----\n"
                    + EC_SEC1
                    + "\n-----END OPENSSH PRIVATE KEY-----"))
        .contains("PEM OPENSSH PRIVATE KEY");
    assertThat(
            EmbeddedKeyDetector.detect(
                "-----BEGIN ENCRYPTED PRIVATE KEY-----"
                    + EC_SEC1
                    + "-----END ENCRYPTED PRIVATE KEY-----"))
        .contains("PEM ENCRYPTED PRIVATE KEY");
    assertThat(
            EmbeddedKeyDetector.detect(
                "if (line.equals(\"-----BEGIN PRIVATE KEY-----\")) { return parse(lines); }"))
        .isEmpty();
  }

  @Test
  void publicKeysCertificatesAndOtherBase64AreNotPrivateKeys() {
    assertThat(EmbeddedKeyDetector.detect(EC_PUBLIC)).isEmpty();
    assertThat(
            EmbeddedKeyDetector.detect(
                "-----BEGIN PUBLIC KEY-----\n" + EC_PUBLIC + "\n-----END PUBLIC KEY-----"))
        .isEmpty();
    byte[] noise = new byte[300];
    for (int i = 0; i < noise.length; i++) {
      noise[i] = (byte) (i * 31 + 7);
    }
    assertThat(EmbeddedKeyDetector.detect(Base64.getEncoder().encodeToString(noise))).isEmpty();
    // A SEQUENCE that only looks like PKCS#1 at first: too few INTEGERs.
    byte[] fake = {0x30, 0x09, 0x02, 0x01, 0x00, 0x02, 0x01, 0x05, 0x02, 0x01, 0x03};
    assertThat(EmbeddedKeyDetector.privateKeyKind(fake)).isNull();
    // Truncated DER (a length pointing past the end) is rejected, not read out of bounds.
    byte[] truncated = Base64.getDecoder().decode(RSA_PKCS1);
    assertThat(
            EmbeddedKeyDetector.privateKeyKind(
                java.util.Arrays.copyOf(truncated, truncated.length - 10)))
        .isNull();
  }
}
