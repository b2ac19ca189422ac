package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import java.util.List;
import java.util.Objects;

/**
 * A {@code java.security} override that sets one of the {@code jdk.*.disabledAlgorithms} or {@code
 * jdk.security.legacyAlgorithms} properties. An override file replaces the property's value as a
 * whole, so every JDK constraint missing from {@code entries} is re-enabled.
 *
 * @param property e.g. "jdk.certpath.disabledAlgorithms"
 * @param entries the comma-separated constraints as written, trimmed
 */
public record DisabledAlgorithmsOverride(Location location, String property, List<String> entries)
    implements Fact {

  public DisabledAlgorithmsOverride {
    Objects.requireNonNull(property, "property");
    entries = List.copyOf(entries);
  }
}
