package dev.keyaudit.rules.policy;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A policy's verdict on one algorithm: a status, optionally changing on dates. Dates are the last
 * day of the previous status, as SP 800-131A writes "disallowed after 2023": from 2024-01-01.
 *
 * @param algorithm canonical JCA name
 * @param deprecatedAfter last day before the algorithm becomes deprecated, or null
 * @param disallowedAfter last day before it becomes disallowed, or null
 */
public record AlgorithmRule(
    String algorithm,
    AlgorithmStatus status,
    LocalDate deprecatedAfter,
    LocalDate disallowedAfter,
    String source)
    implements java.io.Serializable {

  public AlgorithmRule {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(source, "source");
  }

  /** The status on {@code date}. */
  public AlgorithmStatus statusOn(LocalDate date) {
    if (disallowedAfter != null && date.isAfter(disallowedAfter)) {
      return AlgorithmStatus.DISALLOWED;
    }
    if (deprecatedAfter != null
        && date.isAfter(deprecatedAfter)
        && status == AlgorithmStatus.ACCEPTABLE) {
      return AlgorithmStatus.DEPRECATED;
    }
    return status;
  }

  /** e.g. "DESede disallowed after 2023-12-31 (NIST SP 800-131A Rev. 2, Table 1)". */
  public String describe(LocalDate date) {
    AlgorithmStatus now = statusOn(date);
    String when = "";
    if (now == AlgorithmStatus.DISALLOWED && disallowedAfter != null) {
      when = " after " + disallowedAfter;
    } else if (now == AlgorithmStatus.DEPRECATED && deprecatedAfter != null) {
      when = " after " + deprecatedAfter;
    }
    return algorithm + " " + now.label() + when + " (" + source + ")";
  }
}
