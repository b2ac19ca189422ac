package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Requests a policy forbids fail before any key exists, naming the rule and the threshold. */
class RefusalTest {

  private static CompliantKeys keys(String policy, Recorder recorder) {
    return CompliantKeys.forPolicy(policy).withEnvironment("test").withListener(recorder);
  }

  private static Clock at(String instant) {
    return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
  }

  @Test
  void aes128UnderCnsaIsKa102WithTheAllowedSize() {
    Recorder r = new Recorder();
    assertThatThrownBy(() -> keys("cnsa-2.0", r).aes(128))
        .isInstanceOfSatisfying(
            PolicyViolationException.class,
            e -> {
              assertThat(e.rule()).isEqualTo(RuleId.KA102);
              assertThat(e.policyId()).isEqualTo("cnsa-2.0");
              assertThat(e.threshold()).contains("AES key size in [256]");
            })
        .hasMessageStartingWith("KA102 KeySizeBelowMinimum: AES-128 is refused by policy cnsa-2.0");
    GenerationRecord rec = r.last();
    assertThat(rec.fields())
        .containsEntry(EventFields.EVENT_OUTCOME, "failure")
        .containsEntry(EventFields.KEYAUDIT_RULE, "KA102")
        .containsEntry(EventFields.KEYAUDIT_POLICY, "cnsa-2.0")
        .containsKey(EventFields.KEYAUDIT_THRESHOLD)
        .doesNotContainKey(EventFields.CRYPTO_RNG_ALGORITHM);
  }

  @Test
  void rsaBelowTheBsiFloorNamesThreeThousandAndSuggestsThirtySeventyTwo() {
    assertThatThrownBy(() -> keys("bsi-tr-02102-1", new Recorder()).rsa(2048))
        .isInstanceOf(PolicyViolationException.class)
        .hasMessageContaining("KA102")
        .hasMessageContaining("RSA modulus >= 3000 bits; use 3072")
        .hasMessageContaining("BSI TR-02102-1");
  }

  @Test
  void rsaBelowNistFloorIsRefused() {
    assertThatThrownBy(() -> keys("nist-800-131a", new Recorder()).rsa(1024))
        .hasMessageContaining("KA102")
        .hasMessageContaining("RSA modulus >= 2048 bits");
  }

  @Test
  void unknownOrUnapprovedCurvesAreKa103() {
    assertThatThrownBy(() -> keys("nist-800-131a", new Recorder()).ec("secp256k1"))
        .isInstanceOfSatisfying(
            PolicyViolationException.class, e -> assertThat(e.rule()).isEqualTo(RuleId.KA103))
        .hasMessageContaining("secp256r1");
    assertThatThrownBy(() -> keys("bsi-tr-02102-1", new Recorder()).ec("P-224"))
        .hasMessageContaining("KA103 UnapprovedCurve: EC secp224r1");
    assertThatThrownBy(() -> keys("cnsa-2.0", new Recorder()).ec("secp256r1"))
        .hasMessageContaining("EC curve in [secp384r1]");
  }

  @Test
  void familiesAPolicyDoesNotApproveAreKa101() {
    assertThatThrownBy(() -> keys("cnsa-2.0", new Recorder()).ed25519())
        .hasMessageContaining("KA101 WeakAlgorithm")
        .hasMessageContaining("EdDSA is not approved; use ML-DSA-87");
    assertThatThrownBy(() -> keys("cnsa-2.0", new Recorder()).x25519())
        .hasMessageContaining("KA101")
        .hasMessageContaining("XDH is not approved; use ML-KEM-1024");
  }

  @Test
  void edwardsAndMontgomeryCurvesOutsideTheApprovedListAreKa103() {
    assertThatThrownBy(() -> keys("fips-140-3", new Recorder()).x25519())
        .hasMessageContaining("KA103 UnapprovedCurve: X25519")
        .hasMessageContaining(
            "curve in [secp224r1, secp256r1, secp384r1, secp521r1, Ed25519, Ed448]");
    assertThatThrownBy(() -> keys("bsi-tr-02102-1", new Recorder()).ed448())
        .hasMessageContaining("KA103");
  }

  @Test
  void weakHmacsAreKa101AndShortHmacKeysKa102() {
    assertThatThrownBy(() -> keys("nist-800-131a", new Recorder()).hmac("HmacSHA1", 160))
        .hasMessageContaining("KA101")
        .hasMessageContaining("HmacSHA1");
    assertThatThrownBy(() -> keys("nist-800-131a", new Recorder()).hmac("hmacmd5", 128))
        .hasMessageContaining("KA101")
        .hasMessageContaining("HmacMD5");
    assertThatThrownBy(() -> keys("bsi-tr-02102-1", new Recorder()).hmac("HmacSHA256", 112))
        .hasMessageContaining("KA102")
        .hasMessageContaining("HMAC key >= 128 bits");
    assertThatThrownBy(() -> keys("cnsa-2.0", new Recorder()).hmac("HmacSHA256", 256))
        .hasMessageContaining("KA101")
        .hasMessageContaining("[HmacSHA384, HmacSHA512]");
  }

  @Test
  void postQuantumParameterSetsOutsideThePolicyAreRefusedBeforeTheJdkIsAsked() {
    // Refused on every JDK: the policy check comes before the provider lookup.
    assertThatThrownBy(() -> keys("cnsa-2.0", new Recorder()).mlKem(768))
        .hasMessageContaining("KA101")
        .hasMessageContaining("ML-KEM parameter set in [ML-KEM-1024]");
    assertThatThrownBy(() -> keys("bsi-tr-02102-1", new Recorder()).mlDsa(44))
        .hasMessageContaining("ML-DSA parameter set in [ML-DSA-65, ML-DSA-87]");
  }

  @Test
  void quantumVulnerableKeysFollowTheIr8547Schedule() {
    Recorder r = new Recorder();
    CompliantKeys ir = keys("nist-ir-8547", r);

    ir.withClock(at("2026-06-01T00:00:00Z")).ec("secp256r1");
    assertThat(r.last().outcome().status()).isEqualTo(Verdict.Status.TRANSITIONAL);
    assertThat(r.last().outcome().reason()).contains("KA105").contains("2035-12-31");

    ir.withClock(at("2031-01-01T00:00:00Z")).ec("secp256r1");
    assertThat(r.last().outcome().status()).isEqualTo(Verdict.Status.TRANSITIONAL);

    ir.withClock(at("2031-01-01T00:00:00Z")).rsa(2048);
    assertThat(r.last().outcome().status()).isEqualTo(Verdict.Status.DEPRECATED);
    assertThat(r.last().fields()).containsEntry(EventFields.KEYAUDIT_STATUS, "deprecated");

    assertThatThrownBy(() -> ir.withClock(at("2036-01-01T00:00:00Z")).ed25519())
        .isInstanceOfSatisfying(
            PolicyViolationException.class, e -> assertThat(e.rule()).isEqualTo(RuleId.KA105))
        .hasMessageContaining("no quantum-vulnerable key generation after 2035-12-31")
        .hasMessageContaining("ML-DSA");
    // Symmetric keys are not on the schedule.
    ir.withClock(at("2036-01-01T00:00:00Z")).aes(128);
    assertThat(r.last().outcome().status()).isEqualTo(Verdict.Status.ACCEPTABLE);
  }

  @Test
  void cnsaKeepsRsaAndP384OnlyForTheTransition() {
    Recorder r = new Recorder();
    CompliantKeys cnsa = keys("cnsa-2.0", r);
    cnsa.withClock(at("2025-12-31T12:00:00Z")).ec("P-384");
    assertThat(r.last().outcome().status()).isEqualTo(Verdict.Status.TRANSITIONAL);
    cnsa.withClock(at("2033-12-31T23:59:59Z")).ec("P-384");
    assertThat(r.last().outcome().status()).isEqualTo(Verdict.Status.DEPRECATED);
    assertThat(r.last().outcome().reason())
        .contains("deprecated after 2025-12-31")
        .contains("disallowed after 2033-12-31");
    assertThatThrownBy(() -> cnsa.withClock(at("2034-01-01T00:00:00Z")).ec("P-384"))
        .hasMessageContaining("KA105")
        .hasMessageContaining("ML-KEM-1024 or ML-DSA-87");
  }

  @Test
  void noBuiltInPolicyApprovesXdhBecauseSp80056aDoesNot() {
    for (String id : PolicyTable.ids()) {
      assertThatThrownBy(() -> keys(id, new Recorder()).x25519())
          .as(id)
          .isInstanceOf(PolicyViolationException.class)
          .hasMessageContaining("X25519 is refused");
    }
  }

  @Test
  void usageErrorsAreNotPolicyRefusals() {
    CompliantKeys k = keys("nist-800-131a", new Recorder());
    assertThatThrownBy(() -> k.aes(100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> k.hmac("HmacSHA256", 100))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> k.hmac("AES", 256)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> k.rsa(32768)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> k.mlKem(1000)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> CompliantKeys.forPolicy("nist-800-57"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("nist-800-131a, fips-140-3, cnsa-2.0, bsi-tr-02102-1, nist-ir-8547");
  }

  @Test
  void curvesThePolicyAllowsButTheJdkCannotGenerateFailClearly() {
    Recorder r = new Recorder();
    // BSI recommends brainpool; SunEC (JDK 17+) has no brainpool key generation.
    assertThatThrownBy(() -> keys("bsi-tr-02102-1", r).ec("brainpoolP256r1"))
        .isInstanceOf(KeyGenerationException.class)
        .hasMessageContaining("EC brainpoolP256r1 could not be generated");
    assertThat(r.last().fields())
        .containsEntry(EventFields.EVENT_OUTCOME, "failure")
        .containsEntry(EventFields.ERROR_TYPE, KeyGenerationException.class.getName())
        .containsKey(EventFields.CRYPTO_RNG_MECHANISM)
        .doesNotContainKey(EventFields.KEYAUDIT_RULE);
  }
}
