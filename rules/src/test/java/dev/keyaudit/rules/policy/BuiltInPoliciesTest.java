package dev.keyaudit.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.jca.DigestUse;
import dev.keyaudit.rules.jca.KeyFamily;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class BuiltInPoliciesTest {

  @Test
  void theFiveBuiltInPoliciesLoadInIndexOrderWithTheDefaultFirst() {
    assertThat(Policies.builtInIds())
        .containsExactly(
            "nist-800-131a", "fips-140-3", "cnsa-2.0", "bsi-tr-02102-1", "nist-ir-8547");
    assertThat(Policies.DEFAULT_ID).isEqualTo(Policies.builtInIds().get(0));
    assertThat(Policies.builtIn()).extracting(Policy::id).isEqualTo(Policies.builtInIds());
    assertThat(Policies.builtIn())
        .allSatisfy(
            p -> {
              assertThat(p.title()).isNotBlank();
              assertThat(p.description()).isNotBlank();
              assertThat(p.origin()).isEqualTo("built-in");
            });
  }

  @Test
  void evaluationDateDefaultsToTodayAndCanBePinned() {
    Policy nist = Policies.load("nist-800-131a");
    assertThat(nist.evaluationDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
    assertThat(nist.evaluationDatePinned()).isFalse();
    Policy pinned = nist.withEvaluationDate(LocalDate.of(2031, 1, 1));
    assertThat(pinned.evaluationDate()).isEqualTo(LocalDate.of(2031, 1, 1));
    assertThat(pinned.evaluationDatePinned()).isTrue();
    assertThat(nist.evaluationDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
  }

  @Test
  void extendingBuiltInsInheritThresholdsWithTheirOwnSources() {
    Policy cnsa = Policies.load("cnsa-2.0");
    assertThat(cnsa.chain()).containsExactly("cnsa-2.0", "fips-140-3", "nist-800-131a");
    // Overridden by CNSA itself.
    assertThat(cnsa.minKeySize(KeyFamily.AES).value()).isEqualTo(256);
    assertThat(cnsa.minKeySize(KeyFamily.AES).source()).contains("CNSA 2.0");
    // Inherited from fips-140-3 and from nist-800-131a, still citing where they come from.
    assertThat(cnsa.rng().requireDrbg().value()).isTrue();
    assertThat(cnsa.rng().requireDrbg().source()).contains("SP 800-133");
    assertThat(cnsa.kdf().minIterations().value()).isEqualTo(1000);
    assertThat(cnsa.kdf().minIterations().source()).contains("SP 800-132");
    assertThat(cnsa.algorithm("DSA"))
        .get()
        .extracting(AlgorithmRule::status)
        .isEqualTo(AlgorithmStatus.DISALLOWED);
    // Lists replace: CNSA's curve list is not added to NIST's.
    assertThat(cnsa.curves().names()).isEqualTo("P-384");
  }

  @Test
  void thresholdsMatchTheReferenceTables() {
    Policy nist = Policies.load("nist-800-131a");
    Policy bsi = Policies.load("bsi-tr-02102-1");
    assertThat(nist.minKeySize(KeyFamily.RSA).value()).isEqualTo(2048);
    assertThat(nist.minKeySize(KeyFamily.EC).value()).isEqualTo(224);
    assertThat(nist.minKeySize(KeyFamily.HMAC).value()).isEqualTo(112);
    assertThat(bsi.minKeySize(KeyFamily.RSA).value()).isEqualTo(3000);
    assertThat(bsi.minKeySize(KeyFamily.EC).value()).isEqualTo(250);
    assertThat(bsi.minKeySize(KeyFamily.HMAC).value()).isEqualTo(128);
    assertThat(nist.digest("SHA-1"))
        .get()
        .satisfies(
            d -> {
              assertThat(d.statusFor(DigestUse.SIGNATURE)).isEqualTo(AlgorithmStatus.DISALLOWED);
              assertThat(d.statusFor(DigestUse.HMAC)).isEqualTo(AlgorithmStatus.ACCEPTABLE);
            });
    assertThat(Policies.load("nist-ir-8547").quantumTransition())
        .get()
        .satisfies(
            q -> {
              assertThat(q.deprecatedAfter()).isEqualTo(LocalDate.of(2030, 12, 31));
              assertThat(q.deprecatedUpToStrength()).isEqualTo(112);
              assertThat(q.disallowedAfter()).isEqualTo(LocalDate.of(2035, 12, 31));
            });
    assertThat(nist.quantumTransition()).isEmpty();
  }

  @Test
  void sha1prngIsRefusedByEveryBuiltInPolicy() {
    assertThat(Policies.builtIn())
        .allSatisfy(
            p ->
                assertThat(p.rng().requireDrbg().value() || p.rng().disallows("SHA1PRNG"))
                    .as(p.id())
                    .isTrue());
  }

  @Test
  void curveListsAcceptAliases() {
    Policy nist = Policies.load("nist-800-131a");
    assertThat(nist.curves().approves(dev.keyaudit.rules.jca.Curves.lookup("prime256v1").get()))
        .isTrue();
    assertThat(nist.curves().approves(dev.keyaudit.rules.jca.Curves.lookup("secp256k1").get()))
        .isFalse();
  }
}
