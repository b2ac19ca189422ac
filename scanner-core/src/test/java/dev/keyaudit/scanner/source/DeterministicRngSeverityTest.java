package dev.keyaudit.scanner.source;

import static dev.keyaudit.scanner.source.SourceScan.inClass;
import static dev.keyaudit.scanner.source.SourceScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.policy.Policies;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A SHA1PRNG is deterministic once seeded: KA202 at its creation is an error where its output (or
 * the key generator it feeds) is security-sensitive, a note where it was followed to nothing
 * sensitive. Markers in fixtures only tell the rule, so the severity is checked here.
 */
class DeterministicRngSeverityTest {

  @Test
  void severityFollowsWhereTheOutputGoesAcrossMethods() {
    String src =
        inClass(
            """
              static SecureRandom legacy() throws Exception {
                return SecureRandom.getInstance("SHA1PRNG");
              }

              static byte[] bytes(int n) throws Exception {
                byte[] out = new byte[n];
                SecureRandom.getInstance("SHA1PRNG").nextBytes(out);
                return out;
              }

              SecretKey key() throws Exception {
                KeyGenerator kg = KeyGenerator.getInstance("AES");
                kg.init(256, legacy());
                return kg.generateKey();
              }

              IvParameterSpec iv() throws Exception {
                return new IvParameterSpec(bytes(16));
              }

              int dice() throws Exception {
                SecureRandom rng = SecureRandom.getInstance("SHA1PRNG");
                return rng.nextInt(6);
              }
            """);
    PolicyEvaluator evaluator = new PolicyEvaluator(Policies.load("nist-800-131a"));
    Map<Integer, Severity> creations = new TreeMap<>();
    scan(src).facts().stream()
        .filter(dev.keyaudit.rules.facts.SecureRandomCreation.class::isInstance)
        .forEach(
            f -> {
              for (Violation v : evaluator.evaluate(f).violations()) {
                if (v.ruleId().equals("KA202")) {
                  creations.put(f.location().startLine(), v.severity());
                }
              }
            });
    // Lines in the generated file: legacy() 12, bytes() 17, dice() 32.
    assertThat(creations)
        .containsEntry(12, Severity.ERROR)
        .containsEntry(17, Severity.ERROR)
        .containsEntry(32, Severity.NOTE);
  }

  @Test
  void aPredictableSeedIsAnErrorForKeysAndANoteForASimulation() {
    String src =
        inClass(
            """
              static byte[] bytes(int n) {
                Random seeded = new Random(42);
                byte[] out = new byte[n];
                seeded.nextBytes(out);
                return out;
              }

              SecretKeySpec key() {
                return new SecretKeySpec(bytes(32), "AES");
              }

              double simulate() {
                Random replay = new Random(7);
                return replay.nextGaussian();
              }
            """);
    PolicyEvaluator evaluator = new PolicyEvaluator(Policies.load("nist-800-131a"));
    Map<Integer, Severity> seeds = new TreeMap<>();
    scan(src).facts().stream()
        .filter(dev.keyaudit.rules.facts.RngSeeding.class::isInstance)
        .forEach(
            f -> {
              for (Violation v : evaluator.evaluate(f).violations()) {
                if (v.ruleId().equals("KA203")) {
                  seeds.put(f.location().startLine(), v.severity());
                }
              }
            });
    // Lines in the generated file: the key's generator 12, the simulation's 23.
    assertThat(seeds).containsEntry(12, Severity.ERROR).containsEntry(23, Severity.NOTE);
  }
}
