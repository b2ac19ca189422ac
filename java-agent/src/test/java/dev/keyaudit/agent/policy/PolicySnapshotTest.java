package dev.keyaudit.agent.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.jca.KeyFamily;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The snapshot the build writes (process-classes) must read back as exactly what the YAML says:
 * every policy threshold and the whole rule catalog survive serialization.
 */
class PolicySnapshotTest {

  @Test
  void snapshotMatchesTheYaml() throws Exception {
    PolicySnapshot snapshot = PolicySnapshot.builtIn().orElseThrow();
    assertThat(snapshot.policies()).extracting(Policy::id).isEqualTo(Policies.builtInIds());
    for (String id : Policies.builtInIds()) {
      assertThat(describe(snapshot.policy(id).orElseThrow()))
          .as("policy %s read back from the snapshot", id)
          .isEqualTo(describe(Policies.load(id)));
    }
    assertThat(snapshot.rules())
        .as("rule catalog read back from the snapshot")
        .isEqualTo(RuleCatalog.builtIn().rules());
  }

  @Test
  void unpinnedPoliciesAreJudgedToday() throws Exception {
    Policy p = PolicySnapshot.builtIn().orElseThrow().policy(Policies.DEFAULT_ID).orElseThrow();
    assertThat(p.evaluationDate()).isEqualTo(LocalDate.now(ZoneOffset.UTC));
  }

  /** Everything a check reads from a policy (Policy itself has no equals). */
  private static List<Object> describe(Policy p) {
    Map<KeyFamily, Object> sizes = new java.util.EnumMap<>(KeyFamily.class);
    for (KeyFamily f : KeyFamily.values()) {
      sizes.put(f, p.minKeySize(f));
    }
    return List.of(
        p.id(),
        p.title(),
        p.description(),
        p.chain(),
        p.origin(),
        p.evaluationDate(),
        p.requireExplicitStrength(),
        p.algorithms(),
        p.digests(),
        sizes,
        p.curves(),
        p.rng(),
        p.kdf(),
        p.secrets(),
        String.valueOf(p.quantumTransition().orElse(null)),
        p.ruleOverrides());
  }
}
