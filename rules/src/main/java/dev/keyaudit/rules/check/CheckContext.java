package dev.keyaudit.rules.check;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.policy.Policy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a check sees while judging one fact: the policy, and where to report. Applies the policy's
 * per-rule settings (disabled rules report nothing; a fixed severity replaces the computed one) and
 * refuses ids the running check did not declare. One instance per evaluated fact.
 */
public final class CheckContext {

  private final Policy policy;
  private final RuleCatalog catalog;
  private final List<Violation> violations = new ArrayList<>();
  private final List<Unresolved> unresolved = new ArrayList<>();
  private Check current;

  CheckContext(Policy policy, RuleCatalog catalog) {
    this.policy = policy;
    this.catalog = catalog;
  }

  public Policy policy() {
    return policy;
  }

  /** The date dated statuses are judged on. */
  public LocalDate date() {
    return policy.evaluationDate();
  }

  /** Starts a violation of {@code ruleId} about {@code fact}, located at the fact until told. */
  public ViolationBuilder violation(String ruleId, Fact fact) {
    declared(ruleId);
    return new ViolationBuilder(ruleId, fact);
  }

  /** Records that {@code ruleId} could not be decided for {@code fact}. */
  public void unresolved(String ruleId, Fact fact, String what, String why) {
    declared(ruleId);
    if (policy.enabled(ruleId)) {
      unresolved.add(new Unresolved(ruleId, fact.location(), what, why));
    }
  }

  void runAs(Check check) {
    this.current = check;
  }

  Evaluation result() {
    // Stable sort: per rule, the order the check reported in (which follows the fact's values).
    List<Violation> v = new ArrayList<>(violations);
    v.sort(Comparator.comparing(Violation::ruleId));
    List<Unresolved> u = new ArrayList<>(unresolved);
    u.sort(Comparator.comparing(Unresolved::ruleId));
    return new Evaluation(v, u);
  }

  private void declared(String ruleId) {
    if (current != null && !current.ruleIds().contains(ruleId)) {
      throw new IllegalStateException(
          current.getClass().getSimpleName()
              + " reports "
              + ruleId
              + " but declares "
              + current.ruleIds());
    }
  }

  /** Collects one violation; {@link #report()} applies the policy's rule settings. */
  public final class ViolationBuilder {
    private final String ruleId;
    private Location location;
    private List<TraceStep> trace = List.of();
    private Severity severity;
    private String message;
    private String threshold;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private ViolationBuilder(String ruleId, Fact fact) {
      this.ruleId = ruleId;
      this.location = fact.location();
      this.severity = catalog.require(ruleId).defaultSeverity();
    }

    /** Locates the violation at {@code candidate} and carries its trace. */
    public ViolationBuilder at(Candidate<?> candidate, Fact fact) {
      this.location = candidate.location(fact);
      this.trace = candidate.trace();
      return this;
    }

    public ViolationBuilder trace(List<TraceStep> trace) {
      this.trace = List.copyOf(trace);
      return this;
    }

    /** Overrides the catalog default (graded rules such as KA105). */
    public ViolationBuilder severity(Severity severity) {
      this.severity = Objects.requireNonNull(severity);
      return this;
    }

    public ViolationBuilder message(String message) {
      this.message = message;
      return this;
    }

    public ViolationBuilder threshold(String threshold) {
      this.threshold = threshold;
      return this;
    }

    public ViolationBuilder property(String key, Object value) {
      if (value != null) {
        properties.put(key, String.valueOf(value));
      }
      return this;
    }

    public void report() {
      if (!policy.enabled(ruleId)) {
        return;
      }
      Severity effective = policy.override(ruleId).fixedSeverity().orElse(severity);
      violations.add(
          new Violation(
              ruleId, effective, message, location, trace, policy.id(), threshold, properties));
    }
  }
}
