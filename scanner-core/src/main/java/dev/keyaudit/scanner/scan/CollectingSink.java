package dev.keyaudit.scanner.scan;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.finding.Suppression;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Thread-safe sink that keeps everything the frontends report. {@link #facts()} sorts by location
 * so that evaluation order, and thus every report, does not depend on thread scheduling.
 */
final class CollectingSink implements FactSink {

  private static final Comparator<Fact> BY_LOCATION =
      Comparator.<Fact, String>comparing(f -> f.location().path())
          .thenComparingInt(f -> f.location().startLine())
          .thenComparingInt(f -> f.location().startColumn())
          .thenComparing(f -> f.getClass().getSimpleName())
          .thenComparing(Object::toString);

  private final List<Fact> facts = new ArrayList<>();
  private final List<Suppression> suppressions = new ArrayList<>();
  private final List<Notification> notifications = new ArrayList<>();

  @Override
  public synchronized void fact(Fact fact) {
    facts.add(fact);
  }

  @Override
  public synchronized void suppression(Suppression suppression) {
    suppressions.add(suppression);
  }

  @Override
  public synchronized void notification(Notification notification) {
    notifications.add(notification);
  }

  synchronized List<Fact> facts() {
    return facts.stream().sorted(BY_LOCATION).toList();
  }

  synchronized List<Suppression> suppressions() {
    return List.copyOf(suppressions);
  }

  synchronized List<Notification> notifications() {
    return notifications.stream()
        .sorted(
            Comparator.comparing(Notification::path)
                .thenComparingInt(Notification::line)
                .thenComparing(Notification::message))
        .toList();
  }
}
