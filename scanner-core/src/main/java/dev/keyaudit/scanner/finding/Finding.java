package dev.keyaudit.scanner.finding;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.archive.Artifact;
import dev.keyaudit.scanner.scan.CodeScope;

/**
 * A violation as reported: the policy's verdict plus what the scan adds — the effective severity
 * (one step lower in test code), the stable fingerprint, and whether a waiver or the baseline
 * accepted it.
 *
 * @param fingerprint GitHub-compatible {@code primaryLocationLineHash} of the primary location
 * @param suppression the in-source waiver that covers it, or null
 * @param baselined true when the baseline file already accepted this finding
 * @param dependency the third-party artifact the finding lies in, or null for the project's own
 *     code (see {@link DependencyOrigins})
 */
public record Finding(
    Violation violation,
    Severity severity,
    CodeScope scope,
    String fingerprint,
    Suppression suppression,
    boolean baselined,
    Artifact dependency) {

  /** A finding in the project's own code. */
  public Finding(
      Violation violation,
      Severity severity,
      CodeScope scope,
      String fingerprint,
      Suppression suppression,
      boolean baselined) {
    this(violation, severity, scope, fingerprint, suppression, baselined, null);
  }

  public String ruleId() {
    return violation.ruleId();
  }

  public Location location() {
    return violation.location();
  }

  /** Whether the finding lies in third-party code rather than the project's own. */
  public boolean inDependency() {
    return dependency != null;
  }

  /** Neither waived in source nor accepted by the baseline: counts for {@code --fail-on}. */
  public boolean active() {
    return suppression == null && !baselined;
  }
}
