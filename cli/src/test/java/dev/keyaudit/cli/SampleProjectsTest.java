package dev.keyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import dev.keyaudit.scanner.report.SarifSchemaAssert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bundled samples are the README's promise: the vulnerable service gives exactly the findings
 * marked inline ({@code // expect: KA102}) under its own policy file, and the compliant service
 * gives none under any built-in policy.
 */
class SampleProjectsTest {

  private static final Path SAMPLES = Path.of("..", "sample-projects").toAbsolutePath().normalize();
  private static final Pattern EXPECT =
      Pattern.compile("(?://|#)\\s*expect:\\s*(KA\\d{3}(?:\\s*,\\s*KA\\d{3})*)");
  private static final Pattern OK =
      Pattern.compile("(?://|#)\\s*ok:\\s*(KA\\d{3}(?:\\s*,\\s*KA\\d{3})*)");

  @TempDir Path out;

  @Test
  void vulnerableServiceGivesExactlyTheMarkedFindings() throws IOException {
    Path project = SAMPLES.resolve("vulnerable-service");
    Path json = out.resolve("report.json");

    CliRun run = CliRun.of("scan", project.toString(), "-q", "-f", "json", "-o", json.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    JsonNode report = new ObjectMapper().readTree(json.toFile());
    assertThat(report.at("/scan/policy").asText()).isEqualTo("acme-payments");
    Set<String> actual = new TreeSet<>();
    Set<String> waived = new TreeSet<>();
    for (JsonNode finding : report.get("findings")) {
      String key =
          finding.at("/location/path").asText()
              + ":"
              + finding.at("/location/startLine").asInt()
              + ":"
              + finding.get("ruleId").asText();
      (finding.get("active").asBoolean() ? actual : waived).add(key);
    }
    assertThat(actual).isEqualTo(markers(project, EXPECT));
    assertThat(waived).isNotEmpty().doesNotContainAnyElementsOf(actual);
    assertThat(markers(project, OK)).isEqualTo(waived);
  }

  @Test
  void vulnerableServiceCoversEveryStaticRuleItCanShow() throws IOException {
    Set<String> rules = new TreeSet<>();
    markers(SAMPLES.resolve("vulnerable-service"), EXPECT)
        .forEach(m -> rules.add(m.substring(m.lastIndexOf(':') + 1)));

    List<String> codeRules =
        dev.keyaudit.rules.catalog.RuleCatalog.builtIn().rules().stream()
            .map(r -> r.id())
            .filter(id -> id.compareTo("KA400") < 0)
            .toList();
    assertThat(rules).containsAll(codeRules);
    // Manifest rules: the common ones a service repository shows (all of KA4xx have fixtures).
    assertThat(rules).contains("KA402", "KA403", "KA405");
  }

  @Test
  void vulnerableServiceSarifValidatesAndMarksTestCode() {
    Path sarif = out.resolve("report.sarif");

    CliRun.of(
        "scan",
        SAMPLES.resolve("vulnerable-service").toString(),
        "-q",
        "-f",
        "sarif",
        "-o",
        sarif.toString());

    JsonNode log = SarifSchemaAssert.assertValid(read(sarif));
    boolean testContextTagged = false;
    for (JsonNode result : log.at("/runs/0/results")) {
      if (result
          .at("/locations/0/physicalLocation/artifactLocation/uri")
          .asText()
          .contains("src/test/")) {
        assertThat(result.get("level").asText()).isNotEqualTo("error");
        testContextTagged |= result.at("/properties/tags").toString().contains("test-context");
      }
    }
    assertThat(testContextTagged).isTrue();
  }

  static Stream<Policy> builtInPolicies() {
    return Policies.builtIn().stream();
  }

  @ParameterizedTest
  @MethodSource("builtInPolicies")
  void compliantServiceIsCleanUnderEveryBuiltInPolicy(Policy policy) {
    CliRun run =
        CliRun.of(
            "scan",
            SAMPLES.resolve("compliant-service").toString(),
            "--policy",
            policy.id(),
            "--fail-on",
            "note");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("KeyAudit: 0 findings");
  }

  private static Set<String> markers(Path project, Pattern marker) throws IOException {
    Set<String> expected = new TreeSet<>();
    try (Stream<Path> files = Files.walk(project)) {
      for (Path file : files.filter(SampleProjectsTest::mayHoldMarkers).toList()) {
        List<String> lines = Files.readAllLines(file);
        String relative = project.relativize(file).toString().replace('\\', '/');
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = marker.matcher(lines.get(i));
          if (m.find()) {
            for (String rule : m.group(1).split("\\s*,\\s*")) {
              expected.add(relative + ":" + (i + 1) + ":" + rule.trim());
            }
          }
        }
      }
    }
    return expected;
  }

  private static boolean mayHoldMarkers(Path file) {
    String name = file.getFileName().toString();
    return Files.isRegularFile(file)
        && (name.endsWith(".java")
            || name.endsWith(".yml")
            || name.endsWith(".yaml")
            || name.endsWith(".sh")
            || name.equals("Dockerfile"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
