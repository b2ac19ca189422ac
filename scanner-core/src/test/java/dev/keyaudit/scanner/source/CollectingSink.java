package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Notification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A thread-safe {@link FactSink} that keeps everything, in arrival order. */
final class CollectingSink implements FactSink {
  final List<Fact> facts = Collections.synchronizedList(new ArrayList<>());
  final List<Suppression> suppressions = Collections.synchronizedList(new ArrayList<>());
  final List<Notification> notifications = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void fact(Fact fact) {
    facts.add(fact);
  }

  @Override
  public void suppression(Suppression suppression) {
    suppressions.add(suppression);
  }

  @Override
  public void notification(Notification notification) {
    notifications.add(notification);
  }
}
