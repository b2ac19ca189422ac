package dev.keyaudit.rules.model;

import java.util.Objects;

/**
 * One step of the path a value took to reach a crypto API call: "constant KEY_BITS = 1024", "field
 * keySize set in constructor", "argument of initialize". Reports render the steps as SARIF {@code
 * relatedLocations} and {@code codeFlows}.
 */
public record TraceStep(Location location, String message) {
  public TraceStep {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }
}
