package dev.keyaudit.scanner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.ObservedKeyGeneration;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.policy.Policies;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The agent-demo-service log (5 key generations) read back as facts and judged. */
class EventLogFactsTest {

  private List<Fact> facts() throws Exception {
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("agent-events.jsonl"), StandardCharsets.UTF_8))) {
      return new EventLogFacts().read(in, "agent-events.jsonl");
    }
  }

  @Test
  void everyKeyGenerationBecomesAKeyFactAndAnObservedFact() throws Exception {
    List<Fact> facts = facts();
    assertThat(facts).hasSize(10);
    assertThat(facts.stream().filter(ObservedKeyGeneration.class::isInstance)).hasSize(5);
    KeyGeneration aes = (KeyGeneration) facts.get(0);
    assertThat(aes.algorithm().knownValue()).contains("AES");
    assertThat(aes.keySize().knownValue()).contains(256);
    assertThat(aes.rng().specified()).isTrue();
    assertThat(aes.rng().algorithm().knownValue()).contains("DRBG");
    assertThat(aes.rng().drbgStrength().knownValue()).contains(256);
    assertThat(aes.location().path()).isEqualTo("com/example/demo/DemoService.java");
    assertThat(aes.location().startLine()).isPositive();
    ObservedKeyGeneration observed = (ObservedKeyGeneration) facts.get(1);
    assertThat(observed.tenant()).isEqualTo("acme");
    assertThat(observed.environment()).isEqualTo("staging");
  }

  @Test
  void theWeakLegacyKeyIsJudgedLikeInSource() throws Exception {
    PolicyEvaluator evaluator = new PolicyEvaluator(Policies.load("nist-800-131a"));
    KeyPairGeneration legacy =
        facts().stream()
            .filter(KeyPairGeneration.class::isInstance)
            .map(KeyPairGeneration.class::cast)
            .filter(f -> f.keySize().knownValue().orElse(0) == 1024)
            .findFirst()
            .orElseThrow();
    List<String> rules =
        evaluator.evaluate(legacy).violations().stream().map(Violation::ruleId).toList();
    assertThat(rules).contains("KA102");
    assertThat(legacy.location()).isNotEqualTo(Location.file("(unknown caller)"));
  }
}
