package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.QUANTUM_VULNERABLE_KEY_GENERATION;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.jca.SecurityStrength;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.QuantumTransition;
import java.util.HashSet;
import java.util.Set;

/**
 * KA105: classical public-key generation (RSA, EC, DH, DSA, EdDSA, XDH) under a policy with a
 * quantum-transition schedule. The severity follows the schedule on the policy's evaluation date:
 * note before the deprecation date, warning after it, error after the disallow date.
 */
final class QuantumTransitionCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(QUANTUM_VULNERABLE_KEY_GENERATION);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof KeyPairGeneration p)) {
      return;
    }
    QuantumTransition schedule = context.policy().quantumTransition().orElse(null);
    if (schedule == null) {
      return;
    }
    if (p.algorithm() instanceof Value.Unknown<String> u) {
      context.unresolved(
          QUANTUM_VULNERABLE_KEY_GENERATION, p, "KeyPairGenerator algorithm", u.why());
      return;
    }
    Set<String> reported = new HashSet<>();
    GeneratedKeys.of(p)
        .ifPresent(
            keys -> {
              for (GeneratedKeys.Key key : keys.keys()) {
                if (!key.algorithm().quantumVulnerable()) {
                  continue;
                }
                QuantumTransition.Stage stage = schedule.stage(context.date(), key.strength());
                if (reported.add(key.algorithm().name() + "/" + stage)) {
                  report(p, key, stage, schedule, context);
                }
              }
            });
  }

  private void report(
      KeyPairGeneration fact,
      GeneratedKeys.Key key,
      QuantumTransition.Stage stage,
      QuantumTransition schedule,
      CheckContext context) {
    String strength =
        key.strength().isPresent()
            ? " (" + SecurityStrength.describe(key.strength().getAsInt()) + " strength)"
            : "";
    String verdict =
        switch (stage) {
          case BEFORE_DEPRECATION ->
              "acceptable until "
                  + schedule.deprecatedAfter()
                  + " and disallowed after "
                  + schedule.disallowedAfter();
          case DEPRECATED ->
              "deprecated since "
                  + schedule.deprecatedAfter().plusDays(1)
                  + " and disallowed after "
                  + schedule.disallowedAfter();
          case DISALLOWED -> "disallowed since " + schedule.disallowedAfter().plusDays(1);
        };
    Severity severity =
        switch (stage) {
          case BEFORE_DEPRECATION -> Severity.NOTE;
          case DEPRECATED -> Severity.WARNING;
          case DISALLOWED -> Severity.ERROR;
        };
    context
        .violation(QUANTUM_VULNERABLE_KEY_GENERATION, fact)
        .at(key.algorithmCandidate(), fact)
        .severity(severity)
        .message(
            "KeyPairGenerator generates quantum-vulnerable "
                + key.describe()
                + " keys"
                + strength
                + key.algorithmCandidate().provenance()
                + "; under policy "
                + context.policy().id()
                + " such keys are "
                + verdict
                + " (evaluated on "
                + context.date()
                + "). Plan the move to ML-KEM / ML-DSA.")
        .threshold(schedule.describe())
        .property("algorithm", key.algorithm().name())
        .property("stage", stage.name().toLowerCase(java.util.Locale.ROOT))
        .property("evaluationDate", context.date())
        .report();
  }
}
