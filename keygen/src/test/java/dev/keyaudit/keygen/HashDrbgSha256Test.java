package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.SecureRandom;
import java.security.SecureRandomParameters;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Known-answer test of the test DRBG against the JDK's own Hash_DRBG (SHA-256, 256 bits),
 * instantiated with the same entropy, nonce and personalization through the JDK-internal
 * MoreDrbgParameters (surefire exports sun.security.provider for this test only).
 */
class HashDrbgSha256Test {

  private static SecureRandom jdkHashDrbg(byte[] entropy, byte[] nonce, byte[] personalization)
      throws Exception {
    Class<?> entropySource = Class.forName("sun.security.provider.EntropySource");
    Constructor<?> more =
        Class.forName("sun.security.provider.MoreDrbgParameters")
            .getConstructor(
                entropySource,
                String.class,
                String.class,
                byte[].class,
                boolean.class,
                DrbgParameters.Instantiation.class);
    SecureRandomParameters params =
        (SecureRandomParameters)
            more.newInstance(
                null,
                "Hash_DRBG",
                "SHA-256",
                nonce,
                false,
                DrbgParameters.instantiation(
                    256, DrbgParameters.Capability.RESEED_ONLY, personalization));
    SecureRandom jdk = SecureRandom.getInstance("DRBG", params);
    assertThat(jdk.toString()).isEqualTo("Hash_DRBG,SHA-256,256,reseed_only");
    // Before the first output, setSeed instantiates with this input as the entropy.
    jdk.setSeed(entropy);
    return jdk;
  }

  @Test
  void matchesTheJdkHashDrbgOutputForOutput() throws Exception {
    byte[] entropy =
        HexFormat.of()
            .parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f2021");
    byte[] nonce = HexFormat.of().parseHex("20212223242526272829");
    byte[] personalization =
        "dev.keyaudit.keygen/test;environment=ci".getBytes(StandardCharsets.UTF_8);
    SecureRandom jdk = jdkHashDrbg(entropy, nonce, personalization);
    HashDrbgSha256 ours = new HashDrbgSha256(entropy, nonce, personalization);
    // Lengths around the 32-byte digest and the 55-byte seed length, several generate calls.
    for (int len : new int[] {1, 31, 32, 33, 55, 64, 100, 1000}) {
      byte[] expected = new byte[len];
      byte[] actual = new byte[len];
      jdk.nextBytes(expected);
      ours.nextBytes(actual);
      assertThat(HexFormat.of().formatHex(actual))
          .as("%d bytes", len)
          .isEqualTo(HexFormat.of().formatHex(expected));
    }
  }

  @Test
  void emptyPersonalizationAndLongEntropyAlsoMatch() throws Exception {
    byte[] entropy = new byte[48];
    for (int i = 0; i < entropy.length; i++) {
      entropy[i] = (byte) (0xa5 ^ i);
    }
    byte[] nonce = new byte[16];
    SecureRandom jdk = jdkHashDrbg(entropy, nonce, new byte[0]);
    HashDrbgSha256 ours = new HashDrbgSha256(entropy, nonce, new byte[0]);
    byte[] expected = new byte[77];
    byte[] actual = new byte[77];
    for (int i = 0; i < 5; i++) {
      jdk.nextBytes(expected);
      ours.nextBytes(actual);
      assertThat(actual).isEqualTo(expected);
    }
  }

  @Test
  void requestsLargerThanOneGenerateCallAreSplit() {
    byte[] seed = new byte[32];
    HashDrbgSha256 whole = new HashDrbgSha256(seed, new byte[16], new byte[0]);
    HashDrbgSha256 parts = new HashDrbgSha256(seed, new byte[16], new byte[0]);
    byte[] big = new byte[(1 << 16) + 10];
    whole.nextBytes(big);
    byte[] first = new byte[1 << 16];
    byte[] second = new byte[10];
    parts.nextBytes(first);
    parts.nextBytes(second);
    assertThat(java.util.Arrays.copyOfRange(big, 0, 1 << 16)).isEqualTo(first);
    assertThat(java.util.Arrays.copyOfRange(big, 1 << 16, big.length)).isEqualTo(second);
  }
}
