package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.check.TestFacts.*;
import static dev.keyaudit.rules.check.ValueSemanticsTest.ruleIds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Severities, dates, messages and secrets, rule by rule. */
class RuleBehaviourTest {

  static Policy on(String id, String date) {
    return Policies.load(id).withEvaluationDate(LocalDate.parse(date));
  }

  static List<Violation> violations(Policy policy, Fact fact) {
    return new PolicyEvaluator(policy).evaluate(fact).violations();
  }

  @ParameterizedTest(name = "RSA {0} on {1} -> {2}")
  @CsvSource({
    "2048, 2030-12-31, NOTE",
    "2048, 2031-01-01, WARNING",
    "3072, 2031-01-01, NOTE",
    "3072, 2035-12-31, NOTE",
    "3072, 2036-01-01, ERROR",
    "2048, 2036-01-01, ERROR"
  })
  void quantumTransitionFollowsTheNistIr8547Schedule(int bits, String date, Severity expected) {
    var v = violations(on("nist-ir-8547", date), keyPair("RSA", bits));
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.ruleId()).isEqualTo("KA105");
              assertThat(x.severity()).isEqualTo(expected);
              assertThat(x.message()).contains("quantum-vulnerable", date, "ML-KEM");
              assertThat(x.threshold()).contains("2030-12-31", "2035-12-31", "NIST IR 8547");
            });
  }

  @Test
  void cnsaDeprecatesClassicalKeysAfter2025AndDisallowsAfter2033() {
    var p384 = onCurve("EC", "secp384r1");
    assertThat(violations(on("cnsa-2.0", "2025-06-01"), p384))
        .singleElement()
        .extracting(Violation::severity)
        .isEqualTo(Severity.NOTE);
    assertThat(violations(on("cnsa-2.0", "2026-06-01"), p384))
        .singleElement()
        .extracting(Violation::severity)
        .isEqualTo(Severity.WARNING);
    assertThat(violations(on("cnsa-2.0", "2034-01-01"), p384))
        .singleElement()
        .extracting(Violation::severity)
        .isEqualTo(Severity.ERROR);
  }

  @Test
  void noQuantumFindingUnderPoliciesWithoutASchedule() {
    assertThat(ruleIds(on("nist-800-131a", "2040-01-01"), keyPair("RSA", 3072))).isEmpty();
  }

  @Test
  void tripleDesWasDeprecatedThrough2023AndIsDisallowedAfter() {
    var fact = keyGen("DESede", 168);
    assertThat(violations(on("nist-800-131a", "2023-12-31"), fact))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.WARNING);
              assertThat(x.message()).contains("deprecated");
            });
    assertThat(violations(on("nist-800-131a", "2024-01-01"), fact))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.ERROR);
              assertThat(x.threshold()).contains("DESede disallowed after 2023-12-31");
            });
  }

  @Test
  void weakAlgorithmMessageNamesThePartOfTheTransformation() {
    var v = violations(on("nist-800-131a", "2026-06-01"), use("Cipher", "DES/CBC/PKCS5Padding"));
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.message())
                  .contains("Cipher uses DES in \"DES/CBC/PKCS5Padding\"", "disallowed");
              assertThat(x.properties()).containsEntry("algorithm", "DES");
            });
  }

  @Test
  void sha1IsJudgedByUse() {
    Policy nist = on("nist-800-131a", "2026-06-01");
    assertThat(ruleIds(nist, use("Signature", "SHA1withRSA"))).containsExactly("KA101");
    assertThat(ruleIds(nist, use("Mac", "HmacSHA1"))).isEmpty();
    assertThat(violations(nist, use("Signature", "SHA1withRSA")).get(0).threshold())
        .startsWith("SHA-1 for signatures disallowed");
  }

  @Test
  void nonCryptographicRngIsAnErrorOnlyForSensitiveSinks() {
    Policy nist = on("nist-800-131a", "2026-06-01");
    for (RandomSink sink : RandomSink.values()) {
      var v = violations(nist, nonCrypto(sink));
      assertThat(v)
          .singleElement()
          .satisfies(
              x -> {
                assertThat(x.severity())
                    .isEqualTo(sink == RandomSink.OTHER ? Severity.NOTE : Severity.ERROR);
                assertThat(x.trace()).hasSize(1);
              });
    }
  }

  @Test
  void seedingBeforeFirstUseIsDeterministicAfterwardsOnlyUseless() {
    Policy nist = on("nist-800-131a", "2026-06-01");
    assertThat(violations(nist, seeding("DRBG", SeedSource.CONSTANT, true)))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.severity()).isEqualTo(Severity.ERROR);
              assertThat(x.message()).contains("a constant", "determined by the seed");
            });
    assertThat(violations(nist, seeding("NativePRNG", SeedSource.CLOCK, false)))
        .singleElement()
        .extracting(Violation::severity)
        .isEqualTo(Severity.WARNING);
    assertThat(violations(nist, seeding("java.util.Random", SeedSource.CLOCK, false)))
        .singleElement()
        .extracting(Violation::severity)
        .isEqualTo(Severity.ERROR);
  }

  @Test
  void unknownSeedIsUnresolved() {
    var fact =
        new dev.keyaudit.rules.facts.RngSeeding(
            AT, "setSeed", "SecureRandom", Value.unknown("seed read from a file"), true);
    var e = new PolicyEvaluator(on("nist-800-131a", "2026-06-01")).evaluate(fact);
    assertThat(e.violations()).isEmpty();
    assertThat(e.unresolved()).extracting(u -> u.ruleId()).containsExactly("KA203");
  }

  @Test
  void platformDefaultSecureRandomIsUnresolvedUnderDrbgPoliciesOnly() {
    var fact =
        new dev.keyaudit.rules.facts.SecureRandomCreation(
            AT, "<init>", Value.providerDefault(null, "new SecureRandom()"), null, null);
    var fips = new PolicyEvaluator(on("fips-140-3", "2026-06-01")).evaluate(fact);
    var nist = new PolicyEvaluator(on("nist-800-131a", "2026-06-01")).evaluate(fact);
    assertThat(fips.violations()).isEmpty();
    assertThat(fips.unresolved())
        .singleElement()
        .satisfies(
            u -> {
              assertThat(u.ruleId()).isEqualTo("KA202");
              assertThat(u.why()).contains("NativePRNG on Linux");
            });
    assertThat(nist.violations()).isEmpty();
    assertThat(nist.unresolved()).isEmpty();
  }

  @Test
  void drbgStrengthBelowKeyStrengthNamesBothStrengths() {
    RngSpec drbg128 = TestFacts.drbg(128);
    var fact =
        new KeyPairGeneration(AT, lit("EC"), Value.unknown("spec"), lit("secp521r1"), drbg128);
    var v = violations(on("nist-800-131a", "2026-06-01"), fact);
    assertThat(v)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.ruleId()).isEqualTo("KA204");
              assertThat(x.message()).contains("secp521r1 (P-521)", "256-bit strength", "128 bits");
              assertThat(x.threshold()).contains("SP 800-133 Rev. 2");
            });
    assertThat(ruleIds(on("nist-800-131a", "2026-06-01"), keyPair("RSA", 3072))).isEmpty();
    var mlKem =
        new KeyPairGeneration(
            AT, lit("ML-KEM"), Value.unknown("spec"), lit("ML-KEM-1024"), drbg128);
    assertThat(violations(on("nist-800-131a", "2026-06-01"), mlKem))
        .singleElement()
        .satisfies(x -> assertThat(x.message()).contains("ML-KEM-1024 keys (256-bit strength)"));
  }

  @Test
  void predictionResistanceIsJudgedOnlyWhereThePolicyAsksForIt(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path file = dir.resolve("pr.yaml");
    java.nio.file.Files.writeString(
        file,
        """
        id: acme-pr
        extends: nist-800-131a
        rng:
          requirePredictionResistance: true
        """);
    var fact = drbgCreation(Value.known(256), Value.known("RESEED_ONLY"));
    assertThat(ruleIds(Policies.load(file), fact)).containsExactly("KA204");
    assertThat(ruleIds(Policies.load("nist-800-131a"), fact)).isEmpty();
    assertThat(
            ruleIds(
                Policies.load(file), drbgCreation(Value.known(256), Value.known("PR_AND_RESEED"))))
        .isEmpty();
  }

  @Test
  void secretsAreNeverPrintedInFull() {
    String password = "correct-horse-battery-staple";
    String keyText = "0123456789abcdef0123456789abcdef";
    Policy nist = on("nist-800-131a", "2026-06-01");
    List<Violation> all = new java.util.ArrayList<>();
    all.addAll(violations(nist, password(lit(Secret.ofText(password)))));
    all.addAll(violations(nist, keySpec("AES", lit(Secret.ofTextBytes(keyText)))));
    all.addAll(violations(nist, pem()));
    assertThat(all).extracting(Violation::ruleId).containsExactly("KA303", "KA301", "KA302");
    assertThat(all)
        .allSatisfy(
            v -> {
              assertThat(v.message()).doesNotContain(password, keyText, "MIIEpAIBAAKCAQEA");
              assertThat(v.properties().values())
                  .noneMatch(p -> p.contains(password) || p.contains(keyText));
            });
    assertThat(all.get(0).message()).contains("\"corr…\" (28 chars)");
    assertThat(all.get(1).message()).contains("(32 bytes)");
  }

  @Test
  void constantSaltAndWeakIterationsAreSeparateFindings() {
    var v = violations(on("nist-800-131a", "2026-06-01"), pbkdf(constantBytes(16), 500, 256));
    assertThat(v).extracting(Violation::ruleId).containsExactly("KA304", "KA305");
    assertThat(v.get(0).message()).contains("iteration count is 500", "1000");
    assertThat(v.get(0).threshold()).contains("SP 800-132");
    assertThat(v.get(1).severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void evaluationIsDeterministicAndThreadSafe() throws Exception {
    PolicyEvaluator evaluator = new PolicyEvaluator(on("cnsa-2.0", "2026-06-01"));
    List<Fact> facts =
        List.of(
            keyPair(
                "RSA",
                Value.oneOf(List.of(Value.known(1024), Value.known(2048))),
                RngSpec.notSpecified()),
            keySpec("DES", constantBytes(8)),
            pbkdf(constantBytes(8), 10, 64),
            use("SecretKeyFactory", "PBEWithMD5AndDES"));
    List<Evaluation> expected = facts.stream().map(evaluator::evaluate).toList();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Evaluation>>> runs =
          IntStream.range(0, 8)
              .mapToObj(i -> pool.submit(() -> facts.stream().map(evaluator::evaluate).toList()))
              .toList();
      for (Future<List<Evaluation>> run : runs) {
        assertThat(run.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdown();
    }
    assertThat(expected.get(0).violations())
        .extracting(Violation::ruleId)
        .containsExactly("KA102", "KA102", "KA105", "KA205");
  }
}
