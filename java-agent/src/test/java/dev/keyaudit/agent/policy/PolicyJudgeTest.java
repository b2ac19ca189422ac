package dev.keyaudit.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.agent.event.Caller;
import dev.keyaudit.agent.event.Decision;
import dev.keyaudit.agent.event.KeyEvent;
import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.ObservedKeyGeneration;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Policies;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An observed RSA/1024 is judged by exactly the code that judges {@code initialize(1024)}. */
class PolicyJudgeTest {

  private static final Caller KEYS = new Caller("com.acme.Keys", "create", "Keys.java", 12, false);

  private static KeyEvent observedRsa(int bits, String tenant) {
    return observedRsa(bits, tenant, new Caller("com.acme.Keys", "create", "Keys.java", 12, false));
  }

  private static KeyEvent observedRsa(int bits, String tenant, Caller caller) {
    return new KeyEvent(
        Instant.now(),
        "key-generation",
        "success",
        null,
        "KeyPairGenerator.generateKeyPair",
        "RSA",
        bits,
        null,
        "key-pair",
        "SunRsaSign",
        true,
        false,
        "application",
        null,
        0,
        0,
        List.of(),
        null,
        caller,
        "main",
        tenant,
        "prod",
        "svc",
        null);
  }

  @Test
  void observedRsa1024BecomesTheSameFactAsInitialize1024InSource() {
    List<Fact> facts = PolicyJudge.facts(observedRsa(1024, "acme"), List.of());
    assertThat(facts).hasSize(2);
    KeyPairGeneration kpg = (KeyPairGeneration) facts.get(0);
    assertThat(kpg.location()).isEqualTo(Location.line("com/acme/Keys.java", 12));
    assertThat(kpg.algorithm().knownValue()).contains("RSA");
    assertThat(kpg.keySize().knownValue()).contains(1024);
    assertThat(kpg.rng().specified()).isFalse();
    assertThat(facts.get(1)).isInstanceOf(ObservedKeyGeneration.class);

    // what the source frontend builds for `kpg.initialize(1024)` at the same line
    Location at = Location.line("com/acme/Keys.java", 12);
    KeyPairGeneration fromSource =
        new KeyPairGeneration(
            at,
            Value.known("RSA", new TraceStep(at, "getInstance(\"RSA\")")),
            Value.known(1024, new TraceStep(at, "argument of initialize")),
            null,
            RngSpec.notSpecified());
    PolicyEvaluator evaluator = new PolicyEvaluator(Policies.load("nist-800-131a"));
    List<String> runtime =
        evaluator.evaluate(kpg).violations().stream().map(Violation::ruleId).toList();
    List<String> source =
        evaluator.evaluate(fromSource).violations().stream().map(Violation::ruleId).toList();
    assertThat(runtime).contains("KA102").isEqualTo(source);
    assertThat(evaluator.evaluate(kpg).violations().get(0).message())
        .isEqualTo(evaluator.evaluate(fromSource).violations().get(0).message());
  }

  @Test
  void decisionsInAuditAndEnforceMode() {
    PolicyJudge judge = new PolicyJudge("nist-800-131a", List.of());
    Decision audit = judge.judge(observedRsa(1024, "acme"), false);
    assertThat(audit.verdict()).isEqualTo("violation");
    assertThat(audit.rules()).containsExactly("KA102");
    assertThat(judge.judge(observedRsa(1024, "acme"), true).verdict()).isEqualTo("deny");
    assertThat(judge.judge(observedRsa(3072, "acme"), true).verdict()).isEqualTo("allow");
  }

  @Test
  void repeatedEventsFromOneCallSiteKeepTheirOwnDecisions() {
    PolicyJudge judge = new PolicyJudge("nist-800-131a", List.of("com.acme"));
    Caller elsewhere = new Caller("com.other.Keys", "create", "Keys.java", 3, false);
    // the same caller and tenant objects each time: only the size, tenant, caller or mode differ
    List<KeyEvent> events =
        List.of(
            observedRsa(1024, "acme", KEYS),
            observedRsa(3072, "acme", KEYS),
            observedRsa(3072, "globex", KEYS),
            observedRsa(1024, "acme", elsewhere));
    for (int round = 0; round < 3; round++) {
      for (KeyEvent e : events) {
        for (boolean enforcing : new boolean[] {false, true}) {
          Decision fresh =
              new PolicyJudge("nist-800-131a", List.of("com.acme")).judge(e, enforcing);
          assertThat(judge.judge(e, enforcing)).isEqualTo(fresh);
        }
      }
    }
    // the events differ in their decisions, so a decision reused for the wrong event shows
    assertThat(events.stream().map(e -> judge.judge(e, true).verdict()).distinct())
        .contains("deny", "allow");
    assertThat(events.stream().map(e -> judge.judge(e, false).rules()).distinct()).hasSize(3);
  }

  @Test
  void aNoteNeverBlocksInEnforceMode() {
    PolicyJudge judge = new PolicyJudge("nist-800-131a", List.of());
    KeyEvent unattributed =
        new KeyEvent(
            Instant.now(),
            "key-generation",
            "success",
            null,
            "KeyPairGenerator.generateKeyPair",
            "RSA",
            3072,
            null,
            "key-pair",
            "SunRsaSign",
            true,
            false,
            "application",
            null,
            0,
            0,
            List.of(),
            null,
            new Caller("com.acme.Keys", "create", "Keys.java", 12, false),
            "main",
            null,
            null,
            null,
            null);
    Decision d = judge.judge(unattributed, true);
    assertThat(d.rules()).containsExactly("KA503");
    assertThat(d.verdict()).isEqualTo("violation");
  }
}
