package dev.keyaudit.rules.policy;

import java.time.LocalDate;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * When classical public-key generation (RSA, EC, DH, DSA, EdDSA, XDH) stops being acceptable under
 * a quantum-transition policy (rule KA105).
 *
 * @param deprecatedAfter last day before such keys become deprecated
 * @param deprecatedUpToStrength when set, the deprecation date applies only to keys of at most this
 *     strength (NIST IR 8547 deprecates 112-bit keys after 2030, stronger ones stay acceptable
 *     until 2035); null for all keys
 * @param disallowedAfter last day before they become disallowed
 */
public record QuantumTransition(
    LocalDate deprecatedAfter,
    Integer deprecatedUpToStrength,
    String deprecatedSource,
    LocalDate disallowedAfter,
    String disallowedSource)
    implements java.io.Serializable {

  /** Where a key stands on a date. */
  public enum Stage {
    BEFORE_DEPRECATION,
    DEPRECATED,
    DISALLOWED
  }

  public QuantumTransition {
    Objects.requireNonNull(deprecatedAfter, "deprecatedAfter");
    Objects.requireNonNull(disallowedAfter, "disallowedAfter");
    Objects.requireNonNull(deprecatedSource, "deprecatedSource");
    Objects.requireNonNull(disallowedSource, "disallowedSource");
  }

  /**
   * The stage of a key of {@code strength} (empty when unknown: the deprecation date then applies,
   * the cautious reading) on {@code date}.
   */
  public Stage stage(LocalDate date, OptionalInt strength) {
    if (date.isAfter(disallowedAfter)) {
      return Stage.DISALLOWED;
    }
    boolean deprecationApplies =
        deprecatedUpToStrength == null
            || strength.isEmpty()
            || strength.getAsInt() <= deprecatedUpToStrength;
    return deprecationApplies && date.isAfter(deprecatedAfter)
        ? Stage.DEPRECATED
        : Stage.BEFORE_DEPRECATION;
  }

  /** One line for the threshold field, e.g. "deprecated after 2030-12-31 ...; disallowed after". */
  public String describe() {
    String scope =
        deprecatedUpToStrength == null ? "" : " (keys ≤ " + deprecatedUpToStrength + "-bit)";
    String deprecated =
        "deprecated after " + deprecatedAfter + scope + " (" + deprecatedSource + ")";
    String disallowed = "disallowed after " + disallowedAfter + " (" + disallowedSource + ")";
    return "classical public-key generation " + deprecated + "; " + disallowed;
  }
}
