package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** Password-based derivation with the policy's PRF, enough iterations and a random salt. */
class Pbkdf2Test {

  // Not a literal in production code: a test needs some password.
  private static char[] password() {
    return "correct horse battery staple".toCharArray();
  }

  private static CompliantKeys fast(String policy, Recorder r) {
    // The policy floor, so the tests stay quick; the default is checked separately.
    return CompliantKeys.forPolicy(policy)
        .withEnvironment("test")
        .withListener(r)
        .withKdfIterations(PolicyTable.builtIn(policy).pbkdf2MinIterations());
  }

  @Test
  void newDerivationsUseThePolicyDefaultsAndCanBeRepeated() {
    Recorder r = new Recorder();
    CompliantKeys keys =
        CompliantKeys.forPolicy("nist-800-131a").withEnvironment("test").withListener(r);
    assertThat(keys.kdfIterations())
        .isEqualTo(CompliantKeys.DEFAULT_KDF_ITERATIONS)
        .isEqualTo(600_000);
    DerivedKey d = keys.pbkdf2(password(), "AES", 256);
    Pbkdf2Parameters p = d.parameters();
    assertThat(p.prf()).isEqualTo("PBKDF2WithHmacSHA256");
    assertThat(p.iterations()).isEqualTo(600_000);
    assertThat(p.salt()).hasSize(32);
    assertThat(d.key().getAlgorithm()).isEqualTo("AES");
    assertThat(d.key().getEncoded()).hasSize(32);
    assertThat(r.last().fields())
        .containsEntry(EventFields.EVENT_ACTION, "key-derivation")
        .containsEntry(EventFields.CRYPTO_KDF_ALGORITHM, "PBKDF2WithHmacSHA256")
        .containsEntry(EventFields.CRYPTO_KDF_ITERATIONS, 600_000)
        .containsEntry(EventFields.CRYPTO_KDF_SALT_SIZE, 256)
        .containsEntry(EventFields.CRYPTO_KEY_SIZE, 256);
    assertThat(r.last().toJson()).doesNotContain(java.util.HexFormat.of().formatHex(p.salt()));

    SecretKey again = keys.rederive(password(), p);
    assertThat(again.getEncoded()).isEqualTo(d.key().getEncoded());
  }

  @Test
  void everyDerivationGetsItsOwnSalt() {
    CompliantKeys keys = fast("nist-800-131a", new Recorder());
    DerivedKey a = keys.pbkdf2(password(), "AES", 128);
    DerivedKey b = keys.pbkdf2(password(), "AES", 128);
    assertThat(a.parameters().salt()).isNotEqualTo(b.parameters().salt());
    assertThat(a.key().getEncoded()).isNotEqualTo(b.key().getEncoded());
  }

  @Test
  void cnsaDerivesWithSha384AndOnlyAes256() {
    CompliantKeys keys = fast("cnsa-2.0", new Recorder());
    assertThat(keys.pbkdf2(password(), "AES", 256).parameters().prf())
        .isEqualTo("PBKDF2WithHmacSHA384");
    assertThatThrownBy(() -> keys.pbkdf2(password(), "AES", 128)).hasMessageContaining("KA102");
    assertThat(keys.pbkdf2(password(), "HmacSHA512", 512).key().getAlgorithm())
        .isEqualTo("HmacSHA512");
  }

  @Test
  void tooFewIterationsAreKa304() {
    assertThatThrownBy(() -> CompliantKeys.forPolicy("nist-800-131a").withKdfIterations(999))
        .isInstanceOfSatisfying(
            PolicyViolationException.class, e -> assertThat(e.rule()).isEqualTo(RuleId.KA304))
        .hasMessageContaining("PBKDF2 iterations >= 1000");
    assertThatThrownBy(() -> CompliantKeys.forPolicy("bsi-tr-02102-1").withKdfIterations(100_000))
        .hasMessageContaining("PBKDF2 iterations >= 600000");
    CompliantKeys keys = fast("nist-800-131a", new Recorder());
    Pbkdf2Parameters weak =
        new Pbkdf2Parameters("PBKDF2WithHmacSHA256", new byte[16], 999, "AES", 128);
    assertThatThrownBy(() -> keys.rederive(password(), weak)).hasMessageContaining("KA304");
  }

  @Test
  void shortSaltsAreKa304AndWeakPrfsKa101() {
    Recorder r = new Recorder();
    CompliantKeys keys = fast("nist-800-131a", r);
    assertThatThrownBy(
            () ->
                keys.rederive(
                    password(),
                    new Pbkdf2Parameters("PBKDF2WithHmacSHA256", new byte[8], 10_000, "AES", 128)))
        .hasMessageContaining("KA304")
        .hasMessageContaining("random salt of >= 128 bits");
    assertThat(r.last().fields()).containsEntry(EventFields.KEYAUDIT_RULE, "KA304");
    assertThatThrownBy(
            () ->
                keys.rederive(
                    password(),
                    new Pbkdf2Parameters("PBKDF2WithHmacSHA1", new byte[16], 10_000, "AES", 128)))
        .hasMessageContaining("KA101");
  }

  @Test
  void emptyPasswordsAreKa303() {
    CompliantKeys keys = fast("nist-800-131a", new Recorder());
    assertThatThrownBy(() -> keys.pbkdf2(new char[0], "AES", 256))
        .isInstanceOfSatisfying(
            PolicyViolationException.class, e -> assertThat(e.rule()).isEqualTo(RuleId.KA303));
  }

  @Test
  void parametersAreValuesAndDefensivelyCopied() {
    byte[] salt = new byte[16];
    Pbkdf2Parameters p = new Pbkdf2Parameters("PBKDF2WithHmacSHA256", salt, 10_000, "AES", 128);
    salt[0] = 1;
    assertThat(p.salt()[0]).isZero();
    assertThat(p)
        .isEqualTo(new Pbkdf2Parameters("PBKDF2WithHmacSHA256", new byte[16], 10_000, "AES", 128));
    assertThat(p.toString())
        .isEqualTo("PBKDF2WithHmacSHA256, 10000 iterations, 128-bit salt, AES-128");
  }
}
