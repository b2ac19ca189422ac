package dev.keyaudit.scanner.scan;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.finding.Suppression;

/** Where frontends put what they extract. Implementations are thread-safe. */
public interface FactSink {
  void fact(Fact fact);

  void suppression(Suppression suppression);

  void notification(Notification notification);
}
