package dev.keyaudit.rules.model;

import java.util.Objects;

/**
 * One step of the path a value took to reach a crypto API call: "constant KEY_BITS = 1024", "field
 * keySize set in constructor", "argument of initialize". Reports render the steps as SARIF {@code
 * relatedLocations} and {@code codeFlows}.
 *
 * <p>Convention every frontend follows: a trace is ordered from origin to sink, and its last step
 * is the argument at the crypto API call. A violation about a value is located at that last step
 * (so a weak size defined in another class is reported at the call, with the constant as a related
 * location); a violation about the fact as a whole is located at {@code Fact.location()}.
 */
public record TraceStep(Location location, String message) {
  public TraceStep {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }
}
