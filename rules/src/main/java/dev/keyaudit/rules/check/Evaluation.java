package dev.keyaudit.rules.check;

import java.util.List;

/** What the policy evaluator concluded about one fact. */
public record Evaluation(List<Violation> violations, List<Unresolved> unresolved) {
  public Evaluation {
    violations = List.copyOf(violations);
    unresolved = List.copyOf(unresolved);
  }
}
