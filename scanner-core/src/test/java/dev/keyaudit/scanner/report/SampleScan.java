package dev.keyaudit.scanner.report;

import static dev.keyaudit.scanner.finding.TestFindings.finding;
import static dev.keyaudit.scanner.finding.TestFindings.tracedViolation;
import static dev.keyaudit.scanner.finding.TestFindings.violation;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyaudit.rules.check.Unresolved;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.finding.FindingFactory;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.finding.TestFindings;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * One scan result with every kind of content a report must handle — a traced finding, test code, a
 * waiver, a baselined finding, an archive entry, an odd path, unresolved checks, notifications —
 * and the one way report tests render it (SARIF output is always schema-validated).
 */
final class SampleScan {

  static final String KEYS = "src/main/java/com/acme/Keys.java";
  static final String CONFIG = "src/main/java/com/acme/Config.java";
  static final String KEYS_TEST = "src/test/java/com/acme/KeysTest.java";
  static final String VAULT = "src/main/java/com/acme/Vault.java";
  static final String LEGACY = "src/main/java/com/acme/Legacy.java";
  static final String ARCHIVE_ENTRY = "lib/app.jar!/com/acme/Old.class";
  static final String ODD_PATH = "src/main/resources/my keys/schlüssel.yaml";

  static final Suppression WAIVER =
      new Suppression(VAULT, 10, 10, Set.of("KA301"), "comment", "test vector from RFC 3602");

  static final ReportContext CONTEXT =
      new ReportContext("0.1.0", TestRules.ALL)
          .withInformationUri("https://keyaudit.dev")
          .withPolicyTitle("NIST SP 800-131A Rev 2");

  private SampleScan() {}

  /** In report order, as the scan hands them over. */
  static List<Finding> findings() {
    return Stream.of(
            finding(violation("KA102", Severity.WARNING, ARCHIVE_ENTRY, 0)),
            finding(tracedViolation(KEYS, 42, CONFIG, 7)),
            finding(
                violation(
                    "KA102", Severity.ERROR, LEGACY, 5, "RSA key pair generated with 512 bits."),
                null,
                true),
            finding(
                violation(
                    "KA301",
                    Severity.ERROR,
                    VAULT,
                    10,
                    "AES key built from a literal \"0011…\" (16 bytes).")),
            withWaiver(
                violation(
                    "KA301",
                    Severity.ERROR,
                    VAULT,
                    10,
                    "AES key built from a literal \"00aa…\" (16 bytes).")),
            finding(
                violation("KA102", Severity.NOTE, ODD_PATH, 3, "EC curve secp224r1 is legacy.")),
            finding(
                violation(
                    "KA201", Severity.ERROR, KEYS_TEST, 12, "Key bytes from java.util.Random.")))
        .sorted(FindingFactory.REPORT_ORDER)
        .toList();
  }

  private static Finding withWaiver(dev.keyaudit.rules.check.Violation violation) {
    return finding(violation, WAIVER, false);
  }

  static ScanResult result(Path root) {
    return TestFindings.result(
        root,
        findings(),
        List.of(
            new Unresolved(
                "KA102", Location.line(KEYS, 80), "key size", "parameter of a public method"),
            new Unresolved("KA201", Location.line(KEYS, 90), "seed", "read from a file"),
            new Unresolved("KA102", Location.line(CONFIG, 20), "key size", "system property")),
        List.of(
            Notification.error("lib/broken.jar", 0, "could not read: zip END header not found"),
            Notification.warning(
                "src/main/java/com/acme/Bad.java", 3, "syntax error; scanned what parsed"),
            new Notification("note", "", 0, "1 file skipped: larger than 10 MB")));
  }

  static ScanResult empty(Path root) {
    return TestFindings.result(root, List.of(), List.of(), List.of());
  }

  static String render(ReportWriter writer, ScanResult result, ReportContext context) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      writer.write(result, context, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Writes SARIF and fails the test unless it validates against the SARIF 2.1.0 schema. */
  static JsonNode sarif(SarifReportWriter writer, ScanResult result, ReportContext context) {
    return SarifSchemaAssert.assertValid(render(writer, result, context));
  }

  static JsonNode sarif(ScanResult result) {
    return sarif(new SarifReportWriter(), result, CONTEXT);
  }
}
