package dev.keyaudit.scanner.finding;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.scan.CodeScope;

/**
 * A violation as reported: the policy's verdict plus what the scan adds — the effective severity
 * (one step lower in test code), the stable fingerprint, and whether a waiver or the baseline
 * accepted it.
 *
 * @param fingerprint GitHub-compatible {@code primaryLocationLineHash} of the primary location
 * @param suppression the in-source waiver that covers it, or null
 * @param baselined true when the baseline file already accepted this finding
 */
public record Finding(
    Violation violation,
    Severity severity,
    CodeScope scope,
    String fingerprint,
    Suppression suppression,
    boolean baselined) {

  public String ruleId() {
    return violation.ruleId();
  }

  public Location location() {
    return violation.location();
  }

  /** Neither waived in source nor accepted by the baseline: counts for {@code --fail-on}. */
  public boolean active() {
    return suppression == null && !baselined;
  }
}
