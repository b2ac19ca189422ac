package dev.keyaudit.maven;

import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.scan.ScanResult;
import java.util.List;
import java.util.Locale;

/**
 * The {@code failOn} threshold: the least severe finding that fails the build, or none. Only active
 * findings count (not waived in source, not accepted by the baseline), as for the CLI's {@code
 * --fail-on}.
 */
final class FailOn {

  private final Severity threshold; // null: never fail

  private FailOn(Severity threshold) {
    this.threshold = threshold;
  }

  /**
   * Parses error, warning, note or none (any case).
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  static FailOn parse(String text) {
    String level = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (level.equals("none")) {
      return new FailOn(null);
    }
    try {
      return new FailOn(Severity.parse(level));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "failOn must be error, warning, note or none, not '" + text + "'", e);
    }
  }

  /** The active findings at or above the threshold, in the result's order. */
  List<Finding> blocking(ScanResult result) {
    if (threshold == null) {
      return List.of();
    }
    return result.activeFindings().stream().filter(f -> f.severity().atLeast(threshold)).toList();
  }

  /** "error", "warning", "note" or "none", for messages. */
  String describe() {
    return threshold == null ? "none" : threshold.name().toLowerCase(Locale.ROOT);
  }
}
