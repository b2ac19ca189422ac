package dev.keyaudit.scanner.report;

import static dev.keyaudit.scanner.finding.TestFindings.finding;
import static dev.keyaudit.scanner.finding.TestFindings.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.finding.TestFindings;
import dev.keyaudit.scanner.scan.Notification;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextReportWriterTest {

  @TempDir Path root;

  private String text(dev.keyaudit.scanner.scan.ScanResult result) {
    return SampleScan.render(new TextReportWriter(), result, SampleScan.CONTEXT);
  }

  @Test
  void sampleReport() {
    assertThat(text(SampleScan.result(root)))
        .isEqualTo(
            """
            lib/app.jar!/com/acme/Old.class: WARNING [KA102] RSA key pair generated with 1024 bits.
                policy nist-800-131a · threshold RSA >= 2048 bits (SP 800-131A Rev 2)

            src/main/java/com/acme/Keys.java:42: ERROR [KA102] RSA key pair generated with 1024 bits; \
            policy nist-800-131a requires at least 2048.
                policy nist-800-131a · threshold RSA >= 2048 bits (SP 800-131A Rev 2)
                trace: src/main/java/com/acme/Config.java:7 constant KEY_BITS = 1024
                       src/main/java/com/acme/Keys.java:42 argument of initialize

            src/main/java/com/acme/Legacy.java:5: ERROR [KA102] RSA key pair generated with 512 bits.
                policy nist-800-131a · threshold RSA >= 2048 bits (SP 800-131A Rev 2)
                accepted by the baseline

            src/main/java/com/acme/Vault.java:10: ERROR [KA301] AES key built from a literal "0011…" (16 bytes).
                policy nist-800-131a · threshold RSA >= 2048 bits (SP 800-131A Rev 2)
            src/main/java/com/acme/Vault.java:10: ERROR [KA301] AES key built from a literal "00aa…" (16 bytes).
                policy nist-800-131a · threshold RSA >= 2048 bits (SP 800-131A Rev 2)
                suppressed in source (comment, line 10): test vector from RFC 3602

            src/main/resources/my keys/schlüssel.yaml:3: NOTE [KA102] EC curve secp224r1 is legacy.
                policy nist-800-131a · threshold RSA >= 2048 bits (SP 800-131A Rev 2)

            src/test/java/com/acme/KeysTest.java:12: WARNING [KA201] Key bytes from java.util.Random.
                policy nist-800-131a · threshold RSA >= 2048 bits (SP 800-131A Rev 2)
                test code (test-context): lowered from ERROR

            Notifications (inputs not fully read, other scan problems):
                ERROR lib/broken.jar: could not read: zip END header not found
                WARNING src/main/java/com/acme/Bad.java:3: syntax error; scanned what parsed
                NOTE 1 file skipped: larger than 10 MB

            Unresolved (value not known statically): KA102 2, KA201 1
            KeyAudit: 5 findings (2 error, 2 warning, 1 note) in 5 files · 1 suppressed · \
            1 baselined · 3 call sites unresolved · policy nist-800-131a · 42 files scanned in 1.2 s
            """);
  }

  @Test
  void emptyReportIsOneSummaryLine() {
    assertThat(text(SampleScan.empty(root)))
        .isEqualTo("KeyAudit: 0 findings · policy nist-800-131a · 42 files scanned in 1.2 s\n");
  }

  @Test
  void singularsAndMultiLineWaivers() {
    var waiver =
        new dev.keyaudit.scanner.finding.Suppression(
            "src/main/java/A.java", 3, 9, java.util.Set.of("*"), "annotation", null);
    var result =
        TestFindings.result(
            root,
            List.of(
                finding(
                    violation("KA102", Severity.ERROR, "src/main/java/A.java", 4), waiver, false),
                finding(violation("KA102", Severity.NOTE, "src/test/java/ATest.java", 2))),
            List.of(),
            List.of(Notification.error("x.yaml", 0, "could not read: alias bomb")));

    assertThat(text(result))
        .contains("    suppressed in source (annotation, lines 3-9)\n")
        .contains("    test code (test-context)\n")
        .contains("    ERROR x.yaml: could not read: alias bomb\n")
        .endsWith(
            "KeyAudit: 1 finding (0 error, 0 warning, 1 note) in 1 file · 1 suppressed · policy"
                + " nist-800-131a · 42 files scanned in 1.2 s\n");
  }

  @Test
  void findingsAreGroupedByFileWhateverTheInputOrder() {
    var result =
        TestFindings.result(
            root,
            List.of(
                finding(violation("KA102", Severity.ERROR, "B.java", 1)),
                finding(violation("KA102", Severity.ERROR, "A.java", 9)),
                finding(violation("KA102", Severity.ERROR, "B.java", 0)),
                finding(violation("KA102", Severity.ERROR, "A.java", 2))));

    assertThat(text(result).lines().filter(l -> l.contains("[KA102]")))
        .containsExactly(
            "A.java:2: ERROR [KA102] RSA key pair generated with 1024 bits.",
            "A.java:9: ERROR [KA102] RSA key pair generated with 1024 bits.",
            "B.java: ERROR [KA102] RSA key pair generated with 1024 bits.",
            "B.java:1: ERROR [KA102] RSA key pair generated with 1024 bits.");
  }
}
