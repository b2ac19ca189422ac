package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.scan.CodeScope;
import dev.keyaudit.scanner.scan.ScanResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FailOnTest {

  static Finding finding(String rule, Severity severity, int line, boolean baselined) {
    Violation violation =
        new Violation(
            rule,
            severity,
            "message of " + rule,
            Location.line("src/main/java/A.java", line),
            List.of(),
            "nist-800-131a",
            "2048",
            Map.of());
    return new Finding(violation, severity, CodeScope.MAIN, "fp" + line, null, baselined);
  }

  static ScanResult result(List<Finding> findings) {
    return new ScanResult(
        Path.of("/project"),
        "nist-800-131a",
        17,
        findings,
        List.of(),
        List.of(),
        Map.of(),
        Instant.EPOCH,
        Duration.ZERO);
  }

  private final ScanResult mixed =
      result(
          List.of(
              finding("KA102", Severity.ERROR, 1, false),
              finding("KA104", Severity.WARNING, 2, false),
              finding("KA201", Severity.NOTE, 3, false),
              finding("KA101", Severity.ERROR, 4, true)));

  @Test
  void errorBlocksOnlyActiveErrors() {
    assertThat(FailOn.parse("error").blocking(mixed))
        .extracting(Finding::ruleId)
        .containsExactly("KA102");
  }

  @Test
  void lowerThresholdsBlockMore() {
    assertThat(FailOn.parse("WARNING").blocking(mixed)).hasSize(2);
    assertThat(FailOn.parse(" note ").blocking(mixed)).hasSize(3);
  }

  @Test
  void noneNeverBlocks() {
    assertThat(FailOn.parse("none").blocking(mixed)).isEmpty();
    assertThat(FailOn.parse("none").describe()).isEqualTo("none");
  }

  @Test
  void unknownLevelNamesTheAcceptedOnes() {
    assertThatThrownBy(() -> FailOn.parse("critical"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("failOn must be error, warning, note or none, not 'critical'");
  }
}
