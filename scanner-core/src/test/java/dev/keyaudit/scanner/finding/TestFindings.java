package dev.keyaudit.scanner.finding;

import dev.keyaudit.rules.check.Unresolved;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.scan.CodeScope;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Builders for violations, findings and scan results shared by the finding and report tests. */
public final class TestFindings {

  public static final String POLICY = "nist-800-131a";
  public static final Instant STARTED = Instant.parse("2026-11-29T10:15:30Z");

  private TestFindings() {}

  /** A KA102-style violation with no trace. */
  public static Violation violation(String ruleId, Severity severity, String path, int line) {
    return violation(ruleId, severity, path, line, "RSA key pair generated with 1024 bits.");
  }

  public static Violation violation(
      String ruleId, Severity severity, String path, int line, String message) {
    return new Violation(
        ruleId,
        severity,
        message,
        Location.line(path, line),
        List.of(),
        POLICY,
        "RSA >= 2048 bits (SP 800-131A Rev 2)",
        Map.of("algorithm", "RSA", "keySize", "1024"));
  }

  /** A violation whose value came from a constant in another file. */
  public static Violation tracedViolation(
      String path, int line, String constantPath, int constLine) {
    return new Violation(
        "KA102",
        Severity.ERROR,
        "RSA key pair generated with 1024 bits; policy nist-800-131a requires at least 2048.",
        new Location(path, line, 9, line, 33),
        List.of(
            new TraceStep(Location.line(constantPath, constLine), "constant KEY_BITS = 1024"),
            new TraceStep(new Location(path, line, 24, line, 32), "argument of initialize")),
        POLICY,
        "RSA >= 2048 bits (SP 800-131A Rev 2)",
        Map.of("algorithm", "RSA", "keySize", "1024"));
  }

  /** A finding as the factory would make it, with a fixed fingerprint. */
  public static Finding finding(Violation violation) {
    return finding(violation, null, false);
  }

  public static Finding finding(Violation violation, Suppression suppression, boolean baselined) {
    CodeScope scope = CodeScope.of(violation.location().path());
    Severity severity =
        scope == CodeScope.TEST ? violation.severity().lower() : violation.severity();
    return new Finding(
        violation,
        severity,
        scope,
        LineHashFingerprint.fallback(violation.location().path(), violation.location().startLine()),
        suppression,
        baselined);
  }

  public static ScanResult result(Path root, List<Finding> findings) {
    return result(root, findings, List.of(), List.of());
  }

  public static ScanResult result(
      Path root,
      List<Finding> findings,
      List<Unresolved> unresolved,
      List<Notification> notifications) {
    return new ScanResult(
        root,
        POLICY,
        17,
        findings,
        unresolved,
        notifications,
        Map.of("source", 40, "manifest", 2),
        STARTED,
        Duration.ofMillis(1234));
  }
}
