package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.scanner.jca.RandomOutputSinks;
import dev.keyaudit.scanner.resolve.ProjectResolver;
import java.util.Map;

/**
 * Where the output of each random generator created in a project ends up, found project-wide by
 * {@link RandomOutputSinks} the first time a class asks (most projects create none), then shared by
 * every class of the project.
 */
final class RandomUses {

  /** No project-wide view: the output is not followed. */
  static final RandomUses NONE = new RandomUses(null);

  private final ProjectResolver resolver;
  private volatile Map<Location, RandomOutputSinks.Sink> sinks;

  RandomUses(ProjectResolver resolver) {
    this.resolver = resolver;
  }

  /** Whether the output was followed at all (a null {@link #of} then means: nowhere telling). */
  boolean followed() {
    return resolver != null;
  }

  /** The most telling sink the generator created at {@code creation} feeds; null when none. */
  RandomOutputSinks.Sink of(Location creation) {
    if (resolver == null) {
      return null;
    }
    Map<Location, RandomOutputSinks.Sink> found = sinks;
    if (found == null) {
      synchronized (this) {
        if (sinks == null) {
          sinks = RandomOutputSinks.find(resolver);
        }
        found = sinks;
      }
    }
    return found.get(creation);
  }
}
