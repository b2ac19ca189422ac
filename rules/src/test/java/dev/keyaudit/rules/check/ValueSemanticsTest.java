package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.check.TestFacts.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.jca.JdkDefaults;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Known, OneOf, Default and Unknown values, and where violations are located. */
class ValueSemanticsTest {

  static final Location CONFIG = Location.line("src/main/java/com/acme/Config.java", 7);

  static Policy policy(String id) {
    return Policies.load(id).withEvaluationDate(LocalDate.of(2026, 6, 1));
  }

  @Test
  void knownValueFromAConstantIsReportedAtTheCallWithTheConstantInTheMessageAndTrace() {
    Value.Known<Integer> bits = fromConstant(1024, "KEY_BITS", CONFIG);
    var fact = keyPair("RSA", bits, STRONG_RNG);

    var v = new PolicyEvaluator(policy("nist-800-131a")).evaluate(fact).violations();

    assertThat(v)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.ruleId()).isEqualTo("KA102");
              assertThat(violation.severity()).isEqualTo(Severity.ERROR);
              assertThat(violation.location()).isEqualTo(INIT);
              assertThat(violation.trace()).isEqualTo(bits.trace());
              assertThat(violation.message())
                  .contains(
                      "1024-bit modulus", "from constant KEY_BITS = 1024", "nist-800-131a", "2048");
              assertThat(violation.threshold())
                  .isEqualTo(
                      "RSA ≥ 2048 bits (NIST SP 800-131A Rev. 2, §3, Table 2 and §6, Table 5"
                          + " (len(n) ≥ 2048))");
              assertThat(violation.properties())
                  .containsEntry("keySize", "1024")
                  .containsEntry("algorithm", "RSA");
            });
  }

  @Test
  void oneOfReportsOnlyTheFailingBranchWithItsOwnTraceAndLocation() {
    Location branchCall = Location.line(TestFacts.FILE, 40);
    Value.Known<Integer> weak =
        Value.known(
            1024,
            List.of(
                new TraceStep(CONFIG, "constant LEGACY_BITS = 1024"),
                new TraceStep(branchCall, "argument of initialize (legacy branch)")));
    Value.Known<Integer> strong = Value.known(4096, List.of(new TraceStep(INIT, "argument 4096")));
    var fact = keyPair("RSA", Value.oneOf(List.of(strong, weak)), STRONG_RNG);

    var v = new PolicyEvaluator(policy("nist-800-131a")).evaluate(fact).violations();

    assertThat(v)
        .singleElement()
        .satisfies(
            violation -> {
              assertThat(violation.location()).isEqualTo(branchCall);
              assertThat(violation.trace()).isEqualTo(weak.trace());
              assertThat(violation.message())
                  .contains("1024-bit modulus", "one of 2 possible values", "LEGACY_BITS")
                  .doesNotContain("4096");
            });
  }

  @Test
  void oneOfWithTwoWeakBranchesGivesOneViolationPerBranch() {
    var fact =
        keyPair("RSA", Value.oneOf(List.of(Value.known(512), Value.known(1024))), STRONG_RNG);
    var v = new PolicyEvaluator(policy("nist-800-131a")).evaluate(fact).violations();
    assertThat(v).extracting(x -> x.properties().get("keySize")).containsExactly("512", "1024");
  }

  @Test
  void providerDefaultOnJdk17IsTooSmallForCnsaButJdk21DefaultIsNot() {
    Policy cnsa = policy("cnsa-2.0");
    KeyGeneration jdk17 = aesWithDefault(17);
    KeyGeneration jdk21 = aesWithDefault(21);

    var on17 = new PolicyEvaluator(cnsa).evaluate(jdk17).violations();
    var on21 = new PolicyEvaluator(cnsa).evaluate(jdk21).violations();

    assertThat(on17).extracting(x -> x.ruleId()).containsExactly("KA102", "KA104");
    assertThat(on17.get(0).message())
        .contains(
            "never initialized", "provider default", "128-bit key", "JDK 17 provider default");
    assertThat(on17.get(0).properties()).containsEntry("providerDefault", "true");
    assertThat(on17.get(0).location()).isEqualTo(AT);
    assertThat(on21).extracting(x -> x.ruleId()).containsExactly("KA104");
    assertThat(on21.get(0).message()).contains("256 bits", "JDK 21 provider default");
    assertThat(on21.get(0).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void rsaDefaultOnJdk17FailsBsiAndJdk21DefaultPasses() {
    Policy bsi = policy("bsi-tr-02102-1");
    assertThat(ruleIds(bsi, rsaWithDefault(17))).containsExactly("KA102", "KA104");
    assertThat(ruleIds(bsi, rsaWithDefault(21))).containsExactly("KA104");
  }

  @Test
  void bouncyCastleEcDefaultIsTheUnapprovedCurvePrime239v1() {
    var fact =
        new KeyPairGeneration(
            AT,
            lit("EC"),
            Value.providerDefault(
                JdkDefaults.keySize("EC", 17, true).getAsInt(), JdkDefaults.describe(17, true)),
            null,
            STRONG_RNG);
    var v = new PolicyEvaluator(policy("nist-800-131a")).evaluate(fact).violations();
    assertThat(v).extracting(x -> x.ruleId()).containsExactly("KA103", "KA104");
    assertThat(v.get(0).message()).contains("prime239v1", "provider default", "BouncyCastle");
  }

  @Test
  void defaultWithoutAKnownValueIsStrengthNotSpecifiedAndUnresolvedForTheSize() {
    var fact = keyGen("AES", Value.providerDefault(null, "provider order unknown"), STRONG_RNG);
    var e = new PolicyEvaluator(policy("nist-800-131a")).evaluate(fact);
    assertThat(e.violations()).extracting(x -> x.ruleId()).containsExactly("KA104");
    assertThat(e.unresolved()).extracting(u -> u.ruleId()).containsExactly("KA102");
    assertThat(e.unresolved().get(0).why()).contains("provider order unknown");
  }

  @Test
  void namesThatFixTheStrengthNeedNoInit() {
    assertThat(ruleIds(policy("nist-800-131a"), named("Ed25519"))).isEmpty();
    assertThat(ruleIds(policy("nist-800-131a"), named("EdDSA"))).containsExactly("KA104");
  }

  @Test
  void unknownIsNeverAViolationButIsCountedAsUnresolved() {
    var fact = keyPair("RSA", Value.unknown("System.getenv(\"KEY_BITS\")"), STRONG_RNG);
    var e = new PolicyEvaluator(policy("nist-800-131a")).evaluate(fact);
    assertThat(e.violations()).isEmpty();
    assertThat(e.unresolved())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.ruleId()).isEqualTo("KA102");
              assertThat(u.location()).isEqualTo(AT);
              assertThat(u.why()).contains("System.getenv");
            });
  }

  @Test
  void unknownAlgorithmIsUnresolvedForTheAlgorithmRules() {
    var fact =
        new KeyPairGeneration(
            AT, Value.unknown("algorithm from a parameter"), lit(2048), null, STRONG_RNG);
    var e = new PolicyEvaluator(policy("nist-ir-8547")).evaluate(fact);
    assertThat(e.violations()).isEmpty();
    assertThat(e.unresolved())
        .extracting(u -> u.ruleId())
        .containsExactly("KA101", "KA102", "KA105");
  }

  @Test
  void violationsAboutTheWholeFactAreLocatedAtTheFact() {
    var fact = keyGen("AES", lit(256), RngSpec.notSpecified());
    var v = new PolicyEvaluator(policy("fips-140-3")).evaluate(fact).violations();
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.ruleId()).isEqualTo("KA205");
              assertThat(x.location()).isEqualTo(AT);
            });
  }

  private static KeyGeneration aesWithDefault(int jdk) {
    return keyGen(
        "AES",
        Value.providerDefault(
            JdkDefaults.keySize("AES", jdk, false).getAsInt(), JdkDefaults.describe(jdk, false)),
        STRONG_RNG);
  }

  private static KeyPairGeneration rsaWithDefault(int jdk) {
    return keyPair(
        "RSA",
        Value.providerDefault(
            JdkDefaults.keySize("RSA", jdk, false).getAsInt(), JdkDefaults.describe(jdk, false)),
        STRONG_RNG);
  }

  static List<String> ruleIds(Policy policy, dev.keyaudit.rules.facts.Fact fact) {
    return new PolicyEvaluator(policy)
        .evaluate(fact).violations().stream().map(v -> v.ruleId()).toList();
  }
}
