package dev.keyaudit.rules.check;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.policy.Policy;
import java.util.List;
import java.util.Objects;

/**
 * The one judge: runs every check over a fact under one policy. Thread-safe and deterministic — the
 * same fact gives the same violations in the same order (checks in {@link BuiltInChecks} order,
 * values in the fact's order, then a stable sort by rule id).
 */
public final class PolicyEvaluator {

  private final Policy policy;
  private final List<Check> checks;
  private final RuleCatalog catalog;

  public PolicyEvaluator(Policy policy) {
    this(policy, BuiltInChecks.all());
  }

  /** An evaluator with extra or different checks (extensions; tests). */
  public PolicyEvaluator(Policy policy, List<Check> checks) {
    this(policy, checks, RuleCatalog.builtIn());
  }

  /** An evaluator over a given catalog (the agent's build-time copy of the built-in one). */
  public PolicyEvaluator(Policy policy, List<Check> checks, RuleCatalog catalog) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.checks = List.copyOf(checks);
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  public Policy policy() {
    return policy;
  }

  public Evaluation evaluate(Fact fact) {
    Objects.requireNonNull(fact, "fact");
    CheckContext context = new CheckContext(policy, catalog);
    for (Check check : checks) {
      context.runAs(check);
      check.evaluate(fact, context);
    }
    return context.result();
  }
}
