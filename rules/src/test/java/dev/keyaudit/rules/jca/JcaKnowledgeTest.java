package dev.keyaudit.rules.jca;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.jca.SecureRandomAlgorithms.Mechanism;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JcaKnowledgeTest {

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "RC4, ARCFOUR",
    "arcfour, ARCFOUR",
    "TripleDES, DESede",
    "3DES, DESede",
    "DiffieHellman, DH",
    "ECDSA, EC",
    "Rijndael, AES",
    "sha1, SHA-1",
    "1.2.840.113549.1.1.1, RSA",
    "1.2.840.10045.2.1, EC",
    "2.16.840.1.101.3.4.4.3, ML-KEM-1024"
  })
  void algorithmAliasesAndOidsAreCaseInsensitive(String alias, String canonical) {
    assertThat(Algorithms.lookup(alias)).get().extracting(JcaAlgorithm::name).isEqualTo(canonical);
  }

  @Test
  void algorithmsKnowTheirKind() {
    assertThat(Algorithms.lookup("RSA").get().quantumVulnerable()).isTrue();
    assertThat(Algorithms.lookup("ML-KEM").get().quantumVulnerable()).isFalse();
    assertThat(Algorithms.lookup("X25519").get().usesCurve()).isTrue();
    assertThat(Algorithms.lookup("RSA").get().usesCurve()).isFalse();
    assertThat(Algorithms.lookup("Ed448").get().strengthFixedByName()).isTrue();
    assertThat(Algorithms.lookup("EdDSA").get().strengthFixedByName()).isFalse();
    assertThat(Algorithms.lookup("HmacSHA384").get().digest()).isEqualTo("SHA-384");
    assertThat(Algorithms.lookup("Camellia")).isEmpty();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "secp256r1, secp256r1",
    "P-256, secp256r1",
    "prime256v1, secp256r1",
    "NIST P-256, secp256r1",
    "p256, secp256r1",
    "1.2.840.10045.3.1.7, secp256r1",
    "prime192v1, secp192r1",
    "P-384, secp384r1",
    "K-283, sect283k1",
    "Curve25519, X25519",
    "BRAINPOOLP384R1, brainpoolP384r1"
  })
  void curveAliases(String alias, String canonical) {
    assertThat(Curves.lookup(alias)).get().extracting(Curve::name).isEqualTo(canonical);
  }

  @Test
  void curveSizesAndStrengths() {
    assertThat(Curves.lookup("P-521").get().strength()).isEqualTo(256);
    assertThat(Curves.lookup("secp112r1").get().strength()).isEqualTo(56);
    assertThat(Curves.lookup("Ed448").get().strength()).isEqualTo(224);
    assertThat(Curves.forEcKeySize(239)).get().extracting(Curve::name).isEqualTo("prime239v1");
    assertThat(Curves.forEcKeySize(256)).get().extracting(Curve::name).isEqualTo("secp256r1");
    assertThat(Curves.forEcKeySize(300)).isEmpty();
    assertThat(Curves.lookup("secp256r1").get().displayName()).isEqualTo("secp256r1 (P-256)");
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @CsvSource({
    "RSA, 512, 0",
    "RSA, 1024, 80",
    "RSA, 2048, 112",
    "RSA, 3072, 128",
    "RSA, 4096, 128",
    "RSA, 7680, 192",
    "RSA, 15360, 256",
    "DH, 2048, 112",
    "EC, 224, 112",
    "EC, 256, 128",
    "EC, 521, 256",
    "AES, 192, 192",
    "DESede, 168, 112",
    "DESede, 112, 80",
    "HmacSHA256, 128, 128",
    "HmacSHA256, 512, 256",
    "HmacSHA1, 512, 128"
  })
  void securityStrengthFollowsSp800_57Table2(String algorithm, int bits, int strength) {
    assertThat(SecurityStrength.of(Algorithms.lookup(algorithm).get(), bits, null))
        .hasValue(strength);
  }

  @Test
  void curveStrengthWinsOverSize() {
    assertThat(
            SecurityStrength.of(
                Algorithms.lookup("EC").get(), 256, Curves.lookup("secp256k1").get()))
        .hasValue(128);
    assertThat(SecurityStrength.describe(0)).isEqualTo("< 80-bit");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "DRBG, SP800_90A_DRBG",
    "drbg, SP800_90A_DRBG",
    "DEFAULT, SP800_90A_DRBG",
    "SHA1PRNG, NON_DRBG",
    "NativePRNGNonBlocking, NON_DRBG",
    "Windows-PRNG, NON_DRBG",
    "default, PLATFORM_DEFAULT",
    "PKCS11, UNKNOWN"
  })
  void secureRandomMechanisms(String name, Mechanism mechanism) {
    assertThat(SecureRandomAlgorithms.mechanism(name)).isEqualTo(mechanism);
  }

  @Test
  void jdkDefaultsChangeWithRelease() {
    assertThat(JdkDefaults.keySize("AES", 17, false)).hasValue(128);
    assertThat(JdkDefaults.keySize("AES", 21, false)).hasValue(256);
    assertThat(JdkDefaults.keySize("RSA", 17, false)).hasValue(2048);
    assertThat(JdkDefaults.keySize("RSA", 21, false)).hasValue(3072);
    assertThat(JdkDefaults.curve("EC", 17, true)).hasValue("prime239v1");
    assertThat(JdkDefaults.DRBG_DEFAULT_STRENGTH).isEqualTo(128);
  }
}
