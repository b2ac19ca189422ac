package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;

/**
 * ML-KEM and ML-DSA (JDK 24+, JEP 496/497). On older JDKs the request fails with a message naming
 * the JDK it needs. Run on 25 with {@code JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 mvn -B -q -o
 * -pl keygen test}.
 */
class PostQuantumTest {

  @TempDir Path dir;

  @Test
  @EnabledForJreRange(max = JRE.JAVA_23)
  void beforeJdk24TheErrorNamesTheRequirement() {
    Recorder r = new Recorder();
    CompliantKeys keys =
        CompliantKeys.forPolicy("cnsa-2.0").withEnvironment("test").withListener(r);
    assertThatThrownBy(() -> keys.mlKem(1024))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("ML-KEM key generation needs JDK 24 or later (JEP 496)");
    assertThatThrownBy(() -> keys.mlDsa(87))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("ML-DSA key generation needs JDK 24 or later (JEP 497)");
    assertThat(r.last().fields())
        .containsEntry(EventFields.EVENT_OUTCOME, "failure")
        .containsEntry(EventFields.CRYPTO_KEY_PARAMETER_SET, "ML-DSA-87")
        .containsEntry(EventFields.ERROR_TYPE, UnsupportedOperationException.class.getName());
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_24)
  void everyAllowedParameterSetUnderEveryPolicy() throws Exception {
    for (String policy : PolicyTable.ids()) {
      Recorder r = new Recorder();
      CompliantKeys keys = CompliantKeys.forPolicy(policy).withEnvironment("test").withListener(r);
      for (String set : keys.policy().mlKem()) {
        KeyPair kp = keys.mlKem(Integer.parseInt(set.substring("ML-KEM-".length())));
        assertThat(JcaKeyMaker.parameterSetName(kp.getPublic())).isEqualTo(set);
        assertThat(kp.getPublic().getAlgorithm()).isEqualTo("ML-KEM");
        assertStrength(r.last(), set);
      }
      for (String set : keys.policy().mlDsa()) {
        KeyPair kp = keys.mlDsa(Integer.parseInt(set.substring("ML-DSA-".length())));
        assertThat(JcaKeyMaker.parameterSetName(kp.getPublic())).isEqualTo(set);
        assertStrength(r.last(), set);
      }
    }
  }

  // FIPS 203/204: ML-KEM-512/ML-DSA-44 need a 128-bit RBG, -768/-65 192, -1024/-87 256.
  private static void assertStrength(GenerationRecord rec, String set) {
    int needed =
        set.endsWith("-512") || set.endsWith("-44")
            ? 128
            : set.endsWith("-768") || set.endsWith("-65") ? 192 : 256;
    assertThat(rec.outcome().success()).isTrue();
    assertThat(rec.fields())
        .containsEntry(EventFields.CRYPTO_KEY_PARAMETER_SET, set)
        .doesNotContainKey(EventFields.CRYPTO_KEY_SIZE)
        .containsKey(EventFields.CRYPTO_KEY_FINGERPRINT);
    assertThat(rec.rng().strength()).isGreaterThanOrEqualTo(needed);
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_24)
  void mlDsaPairsGetASelfSignedCertificateAndMlKemPairsEncryptedPkcs8() throws Exception {
    CompliantKeys keys =
        CompliantKeys.forPolicy("cnsa-2.0").withEnvironment("test").withKdfIterations(10_000);
    char[] password = "post-quantum test password".toCharArray();
    KeyPair dsa = keys.mlDsa(87);
    X509Certificate cert =
        keys.keyStores().storeKeyPair(dir.resolve("pq.p12"), "signer", dsa, password);
    assertThat(cert.getSigAlgName()).isEqualTo("ML-DSA-87");
    assertThat(cert.getSigAlgOID()).isEqualTo("2.16.840.1.101.3.4.3.19");
    cert.verify(dsa.getPublic());

    KeyPair kem = keys.mlKem(1024);
    assertThatThrownBy(
            () -> keys.keyStores().storeKeyPair(dir.resolve("pq.p12"), "kem", kem, password))
        .isInstanceOf(UnsupportedOperationException.class);
    Path pem = dir.resolve("kem.key.pem");
    keys.keyStores().writeEncryptedPrivateKey(pem, kem.getPrivate(), password);
    PrivateKey back = KeyStores.readEncryptedPrivateKey(pem, password, "ML-KEM");
    assertThat(back.getEncoded()).isEqualTo(kem.getPrivate().getEncoded());
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_24)
  void testKeysAreReproducibleForPostQuantumToo() {
    byte[] seed = "pq seed".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(
            TestKeys.deterministic("nist-800-131a", "test", seed)
                .mlKem(768)
                .getPublic()
                .getEncoded())
        .isEqualTo(
            TestKeys.deterministic("nist-800-131a", "test", seed)
                .mlKem(768)
                .getPublic()
                .getEncoded());
  }
}
