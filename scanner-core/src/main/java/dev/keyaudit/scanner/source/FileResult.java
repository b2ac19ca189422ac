package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.Notification;
import java.util.List;

/** What the analysis of one file produced, in a deterministic order. */
record FileResult(
    List<Fact> facts, List<Suppression> suppressions, List<Notification> notifications) {

  FileResult {
    facts = List.copyOf(facts);
    suppressions = List.copyOf(suppressions);
    notifications = List.copyOf(notifications);
  }

  static FileResult notes(List<Notification> notifications) {
    return new FileResult(List.of(), List.of(), notifications);
  }
}
