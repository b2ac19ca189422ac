package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.ResourceLock;

/** Reproducible keys exist only through TestKeys, and never in production. */
class TestKeysTest {

  private static final byte[] SEED = "TestKeysTest fixture seed".getBytes(StandardCharsets.UTF_8);

  @Test
  void theSameSeedGivesTheSameKeysInTheSameOrder() {
    CompliantKeys a = TestKeys.deterministic("nist-800-131a", "test", SEED);
    CompliantKeys b = TestKeys.deterministic("nist-800-131a", "test", SEED);
    assertThat(a.aes(256).getEncoded()).isEqualTo(b.aes(256).getEncoded());
    assertThat(a.hmac("HmacSHA384", 384).getEncoded())
        .isEqualTo(b.hmac("HmacSHA384", 384).getEncoded());
    assertThat(a.ec("P-256").getPrivate().getEncoded())
        .isEqualTo(b.ec("P-256").getPrivate().getEncoded());
    assertThat(a.ed25519().getPublic().getEncoded())
        .isEqualTo(b.ed25519().getPublic().getEncoded());
    assertThat(a.rsa(2048).getPublic().getEncoded())
        .isEqualTo(b.rsa(2048).getPublic().getEncoded());
  }

  @Test
  void anotherSeedEnvironmentOrTenantGivesOtherKeys() {
    byte[] key = TestKeys.deterministic("nist-800-131a", "test", SEED).aes(256).getEncoded();
    byte[] otherSeed = "another seed".getBytes(StandardCharsets.UTF_8);
    assertThat(TestKeys.deterministic("nist-800-131a", "test", otherSeed).aes(256).getEncoded())
        .isNotEqualTo(key);
    assertThat(TestKeys.deterministic("nist-800-131a", "dev", SEED).aes(256).getEncoded())
        .isNotEqualTo(key);
    assertThat(
            TestKeys.deterministic("nist-800-131a", "test", SEED)
                .withTenant("acme")
                .aes(256)
                .getEncoded())
        .isNotEqualTo(key);
  }

  @Test
  void recordsSayTheKeyIsDeterministic() {
    Recorder r = new Recorder();
    KeyPair kp = TestKeys.deterministic("cnsa-2.0", "ci", SEED).withListener(r).ec("secp384r1");
    assertThat(kp).isNotNull();
    assertThat(r.last().fields())
        .containsEntry(EventFields.CRYPTO_RNG_DETERMINISTIC, true)
        .containsEntry(EventFields.CRYPTO_RNG_PROVIDER, DeterministicSecureRandom.PROVIDER_NAME)
        .containsEntry(EventFields.CRYPTO_RNG_MECHANISM, "Hash_DRBG")
        .containsEntry(EventFields.CRYPTO_RNG_STRENGTH, 256)
        .containsEntry(EventFields.CRYPTO_RNG_PREDICTION_RESISTANCE, false)
        .containsEntry(EventFields.ENVIRONMENT, "ci");
  }

  @Test
  void refusesProductionEnvironments() {
    for (String prod : new String[] {"prod", "PROD", "production", "prd", "live", "prod-eu"}) {
      assertThatThrownBy(() -> TestKeys.deterministic("nist-800-131a", prod, SEED))
          .as(prod)
          .isInstanceOfSatisfying(
              PolicyViolationException.class, e -> assertThat(e.rule()).isEqualTo(RuleId.KA203))
          .hasMessageContaining("deterministic test key generation in environment");
    }
    // Names that merely contain "prod" are not production.
    assertThat(TestKeys.deterministic("nist-800-131a", "preprod", SEED).aes(128)).isNotNull();
  }

  @Test
  void refusesWhenSwitchedToProductionLater() {
    Recorder r = new Recorder();
    CompliantKeys test = TestKeys.deterministic("nist-800-131a", "test", SEED).withListener(r);
    assertThatThrownBy(() -> test.withEnvironment("prod").aes(256))
        .isInstanceOf(PolicyViolationException.class)
        .hasMessageContaining("KA203");
    assertThat(r.last().fields())
        .containsEntry(EventFields.EVENT_OUTCOME, "failure")
        .containsEntry(EventFields.KEYAUDIT_RULE, "KA203")
        .containsEntry(EventFields.ENVIRONMENT, "prod");
  }

  @Test
  @ResourceLock("system-properties")
  void refusesWhenTheProcessSaysItIsProduction() {
    String before = System.getProperty(Scope.ENVIRONMENT_PROPERTY);
    System.setProperty(Scope.ENVIRONMENT_PROPERTY, "production");
    try {
      assertThatThrownBy(() -> TestKeys.deterministic("nist-800-131a", "test", SEED))
          .hasMessageContaining("production (process environment)");
    } finally {
      if (before == null) {
        System.clearProperty(Scope.ENVIRONMENT_PROPERTY);
      } else {
        System.setProperty(Scope.ENVIRONMENT_PROPERTY, before);
      }
    }
  }

  @Test
  void theTestDrbgCannotBeReseeded() {
    DeterministicSecureRandom rng = new DeterministicSecureRandom(SEED, new byte[16], new byte[0]);
    assertThatThrownBy(() -> rng.setSeed(SEED)).isInstanceOf(UnsupportedOperationException.class);
    assertThat(rng.getAlgorithm()).isEqualTo("DRBG");
    assertThat(rng.getProvider().getName()).isEqualTo("KeyAuditTest");
  }

  @Test
  void policiesStillApplyToTestKeys() {
    assertThatThrownBy(() -> TestKeys.deterministic("cnsa-2.0", "test", SEED).aes(128))
        .hasMessageContaining("KA102");
  }
}
