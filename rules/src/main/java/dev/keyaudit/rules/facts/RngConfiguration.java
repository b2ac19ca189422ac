package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import java.util.List;
import java.util.Objects;

/**
 * A setting that changes where the JDK's {@code SecureRandom} takes its entropy or which algorithm
 * it prefers: {@code -Djava.security.egd}, {@code securerandom.source}, {@code
 * securerandom.strongAlgorithms}, {@code securerandom.drbg.config}, seen in JVM options,
 * Dockerfiles, manifests or {@code java.security} overrides.
 *
 * @param property the property name
 * @param value the value as written
 */
public record RngConfiguration(
    Location location, String property, String value, List<TraceStep> trace) implements Fact {

  public RngConfiguration {
    Objects.requireNonNull(property, "property");
    Objects.requireNonNull(value, "value");
    trace = List.copyOf(trace);
  }
}
