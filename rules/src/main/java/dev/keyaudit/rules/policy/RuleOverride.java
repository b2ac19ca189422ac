package dev.keyaudit.rules.policy;

import dev.keyaudit.rules.model.Severity;
import java.util.Optional;

/**
 * A policy's per-rule setting: whether the rule runs, and a fixed severity that replaces the one
 * the check computes (which otherwise is the catalog default, or a graded level such as KA105's).
 */
public record RuleOverride(boolean enabled, Severity severity) implements java.io.Serializable {

  public static final RuleOverride NONE = new RuleOverride(true, null);

  public Optional<Severity> fixedSeverity() {
    return Optional.ofNullable(severity);
  }
}
