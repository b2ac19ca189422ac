package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Notification;
import java.util.ArrayList;
import java.util.List;

/** Keeps what a frontend reports, for tests. */
final class RecordingSink implements FactSink {
  final List<Fact> facts = new ArrayList<>();
  final List<Notification> notifications = new ArrayList<>();

  @Override
  public synchronized void fact(Fact fact) {
    facts.add(fact);
  }

  @Override
  public void suppression(Suppression suppression) {}

  @Override
  public synchronized void notification(Notification notification) {
    notifications.add(notification);
  }
}
