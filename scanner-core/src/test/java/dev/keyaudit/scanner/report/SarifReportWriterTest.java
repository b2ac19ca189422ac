package dev.keyaudit.scanner.report;

import static dev.keyaudit.scanner.finding.TestFindings.finding;
import static dev.keyaudit.scanner.finding.TestFindings.violation;
import static dev.keyaudit.scanner.report.SampleScan.sarif;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.finding.Baseline;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.finding.FindingFactory;
import dev.keyaudit.scanner.finding.SourceFiles;
import dev.keyaudit.scanner.finding.TestFindings;
import dev.keyaudit.scanner.scan.ScanResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifReportWriterTest {

  @TempDir Path root;

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  private static JsonNode resultAt(JsonNode log, String uri, int line) {
    return list(log.at("/runs/0/results")).stream()
        .filter(
            r ->
                r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().equals(uri)
                    && r.at("/locations/0/physicalLocation/region/startLine").asInt() == line)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no result at " + uri + ":" + line));
  }

  @Test
  void logHasWhatGitHubRequires() {
    JsonNode log = sarif(SampleScan.result(root));

    assertThat(log.path("$schema").asText())
        .isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
    assertThat(log.path("version").asText()).isEqualTo("2.1.0");
    assertThat(log.path("runs")).hasSize(1);
    JsonNode driver = log.at("/runs/0/tool/driver");
    assertThat(driver.path("name").asText()).isEqualTo("KeyAudit");
    assertThat(driver.path("version").asText()).isEqualTo("0.1.0");
    assertThat(driver.path("semanticVersion").asText()).isEqualTo("0.1.0");
    assertThat(driver.path("informationUri").asText()).isEqualTo("https://keyaudit.dev");
    assertThat(log.at("/runs/0/automationDetails/id").asText())
        .isEqualTo("keyaudit/2026-11-29T10:15:30Z");
    assertThat(log.at("/runs/0/originalUriBaseIds/%SRCROOT%/uri").asText())
        .isEqualTo(root.toUri().toString())
        .startsWith("file:/")
        .endsWith("/");
    assertThat(log.at("/runs/0/results")).hasSize(SampleScan.findings().size());
  }

  @Test
  void rulesCarryGitHubMetadata() {
    JsonNode log = sarif(SampleScan.result(root));

    List<JsonNode> rules = list(log.at("/runs/0/tool/driver/rules"));
    assertThat(rules)
        .extracting(r -> r.path("id").asText())
        .containsExactly("KA102", "KA201", "KA301");
    for (JsonNode rule : rules) {
      assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/fullDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/help/text").asText()).isNotBlank();
      assertThat(rule.at("/help/markdown").asText()).contains("**Compliant**");
      assertThat(rule.at("/defaultConfiguration/level").asText()).isEqualTo("error");
      assertThat(rule.at("/properties/security-severity").isTextual()).isTrue();
      assertThat(rule.at("/properties/precision").asText()).isIn("very-high", "high");
      assertThat(list(rule.at("/properties/tags")))
          .extracting(JsonNode::asText)
          .contains("security", "cryptography", "CEK-10");
    }
    JsonNode ka201 = rules.get(1);
    assertThat(ka201.path("name").asText()).isEqualTo("NonCryptographicRandom");
    assertThat(ka201.at("/properties/security-severity").asText()).isEqualTo("9.1");
    assertThat(list(ka201.at("/properties/tags")))
        .extracting(JsonNode::asText)
        .contains("external/cwe/cwe-330", "external/cwe/cwe-338");
    assertThat(list(ka201.at("/properties/cek10-guidelines")))
        .extracting(JsonNode::asInt)
        .containsExactly(3, 9);
    assertThat(ka201.at("/help/text").asText())
        .contains("Use `SecureRandom`")
        .contains("Non-compliant:\nnew Random().nextBytes(key);");
  }

  @Test
  void rulesRelateToTheCweTaxonomy() {
    JsonNode log = sarif(SampleScan.result(root));

    JsonNode taxonomy = log.at("/runs/0/taxonomies/0");
    assertThat(taxonomy.path("name").asText()).isEqualTo("CWE");
    List<String> taxa =
        list(taxonomy.path("taxa")).stream().map(t -> t.path("id").asText()).toList();
    assertThat(taxa).containsExactly("321", "326", "330", "338");
    assertThat(log.at("/runs/0/tool/driver/supportedTaxonomies/0/name").asText()).isEqualTo("CWE");
    JsonNode relationship = log.at("/runs/0/tool/driver/rules/1/relationships/1/target");
    assertThat(relationship.path("id").asText()).isEqualTo("338");
    assertThat(taxa.get(relationship.path("index").asInt())).isEqualTo("338");
    assertThat(relationship.at("/toolComponent/name").asText()).isEqualTo("CWE");
  }

  @Test
  void everyResultHasRuleLevelMessageLocationAndFingerprint() {
    JsonNode log = sarif(SampleScan.result(root));

    List<JsonNode> rules = list(log.at("/runs/0/tool/driver/rules"));
    for (JsonNode result : list(log.at("/runs/0/results"))) {
      String ruleId = result.path("ruleId").asText();
      assertThat(rules.get(result.path("ruleIndex").asInt()).path("id").asText()).isEqualTo(ruleId);
      assertThat(result.path("level").asText()).isIn("error", "warning", "note");
      assertThat(result.at("/message/text").asText()).isNotBlank();
      JsonNode location = result.at("/locations/0/physicalLocation");
      assertThat(location.at("/artifactLocation/uriBaseId").asText()).isEqualTo("%SRCROOT%");
      assertThat(location.at("/artifactLocation/uri").asText()).doesNotStartWith("/");
      assertThat(location.at("/region/startLine").asInt()).isGreaterThanOrEqualTo(1);
      assertThat(result.at("/partialFingerprints/primaryLocationLineHash").asText())
          .matches("[0-9a-f]{1,16}:\\d+");
      assertThat(result.at("/properties/policy").asText()).isEqualTo(TestFindings.POLICY);
      assertThat(result.at("/properties/threshold").asText()).isNotBlank();
    }
  }

  @Test
  void traceBecomesRelatedLocationsAndACodeFlow() {
    JsonNode result = resultAt(sarif(SampleScan.result(root)), SampleScan.KEYS, 42);

    assertThat(result.at("/message/text").asText())
        .startsWith("RSA key pair generated with 1024 bits;")
        .endsWith(" Value from [constant KEY_BITS = 1024](1).");
    assertThat(result.at("/locations/0/physicalLocation/region"))
        .isEqualTo(json("{\"startLine\":42,\"startColumn\":9,\"endColumn\":33}"));
    List<JsonNode> related = list(result.path("relatedLocations"));
    assertThat(related).extracting(r -> r.path("id").asInt()).containsExactly(1, 2);
    assertThat(related.get(0).at("/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo(SampleScan.CONFIG);
    assertThat(related.get(0).at("/message/text").asText()).isEqualTo("constant KEY_BITS = 1024");
    // The last trace step is the argument at the call: no separate sink step.
    List<JsonNode> flow = list(result.at("/codeFlows/0/threadFlows/0/locations"));
    assertThat(flow)
        .extracting(l -> l.at("/location/message/text").asText())
        .containsExactly("constant KEY_BITS = 1024", "argument of initialize");
    assertThat(result.at("/properties/algorithm").asText()).isEqualTo("RSA");
    assertThat(result.at("/properties/keySize").asText()).isEqualTo("1024");
  }

  @Test
  void codeFlowEndsAtTheFindingWhenTheTraceStopsShortOfIt() {
    Violation violation =
        new Violation(
            "KA201",
            Severity.ERROR,
            "SecureRandom seeded with a constant [0x2a].",
            Location.line("src/main/java/A.java", 20),
            List.of(new TraceStep(Location.line("src/main/java/A.java", 3), "SEED = [42]")),
            TestFindings.POLICY,
            "unpredictable seed",
            Map.of());

    JsonNode result =
        sarif(TestFindings.result(root, List.of(finding(violation)))).at("/runs/0/results/0");

    assertThat(result.at("/message/text").asText()).endsWith("Value from [SEED = \\[42\\]](1).");
    assertThat(list(result.at("/codeFlows/0/threadFlows/0/locations")))
        .extracting(l -> l.at("/location/message/text").asText())
        .containsExactly(
            "SEED = [42]", "KA201: Key material from a non-cryptographic random generator");
  }

  @Test
  void testCodeIsLoweredAndTagged() {
    JsonNode result = resultAt(sarif(SampleScan.result(root)), SampleScan.KEYS_TEST, 12);

    assertThat(result.path("level").asText()).isEqualTo("warning");
    assertThat(result.at("/properties/scope").asText()).isEqualTo("test");
    assertThat(result.at("/properties/policySeverity").asText()).isEqualTo("error");
    assertThat(list(result.at("/properties/tags")))
        .extracting(JsonNode::asText)
        .containsExactly("test-context");
  }

  @Test
  void waiversAndBaselineAreSuppressions() {
    JsonNode log = sarif(SampleScan.result(root));

    JsonNode waived =
        list(log.at("/runs/0/results")).stream()
            .filter(
                r ->
                    r.has("suppressions")
                        && r.at("/suppressions/0/kind").asText().equals("inSource"))
            .findFirst()
            .orElseThrow();
    assertThat(waived.at("/message/text").asText()).contains("\"00aa…\"");
    assertThat(waived.at("/suppressions/0/status").asText()).isEqualTo("accepted");
    assertThat(waived.at("/suppressions/0/justification").asText())
        .isEqualTo("test vector from RFC 3602");
    assertThat(waived.at("/suppressions/0/properties/form").asText()).isEqualTo("comment");

    JsonNode baselined = resultAt(log, SampleScan.LEGACY, 5);
    assertThat(baselined.at("/suppressions/0/kind").asText()).isEqualTo("external");
    assertThat(baselined.at("/suppressions/0/status").asText()).isEqualTo("accepted");

    assertThat(resultAt(log, SampleScan.KEYS, 42).has("suppressions")).isFalse();
  }

  @Test
  void archiveEntriesAndOddPathsAreRelativeUris() {
    JsonNode log = sarif(SampleScan.result(root));

    JsonNode archived = resultAt(log, "lib/app.jar!/com/acme/Old.class", 1);
    assertThat(archived.at("/locations/0/physicalLocation/region"))
        .isEqualTo(json("{\"startLine\":1}"));
    resultAt(log, "src/main/resources/my%20keys/schl%C3%BCssel.yaml", 3);
    assertThat(SarifLocations.relativeUri("a:b/c#d?e%f")).isEqualTo("a%3Ab/c%23d%3Fe%25f");
  }

  @Test
  void notificationsAndRunPropertiesAreReported() {
    JsonNode run = sarif(SampleScan.result(root)).at("/runs/0");

    JsonNode invocation = run.at("/invocations/0");
    assertThat(invocation.path("executionSuccessful").asBoolean()).isTrue();
    assertThat(invocation.at("/workingDirectory/uri").asText()).isEqualTo(root.toUri().toString());
    assertThat(invocation.path("startTimeUtc").asText()).isEqualTo("2026-11-29T10:15:30Z");
    assertThat(invocation.path("endTimeUtc").asText()).isEqualTo("2026-11-29T10:15:31.234Z");
    List<JsonNode> notifications = list(invocation.path("toolExecutionNotifications"));
    assertThat(notifications)
        .extracting(n -> n.path("level").asText())
        .containsExactly("error", "warning", "note");
    assertThat(notifications.get(0).at("/message/text").asText()).contains("zip END header");
    assertThat(
            notifications.get(0).at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("lib/broken.jar");
    assertThat(notifications.get(1).at("/locations/0/physicalLocation/region/startLine").asInt())
        .isEqualTo(3);
    assertThat(notifications.get(2).has("locations")).isFalse();

    JsonNode properties = run.path("properties");
    assertThat(properties.path("policy").asText()).isEqualTo("nist-800-131a");
    assertThat(properties.path("policyTitle").asText()).isEqualTo("NIST SP 800-131A Rev 2");
    assertThat(properties.path("targetJdk").asInt()).isEqualTo(17);
    assertThat(properties.path("unresolved")).isEqualTo(json("{\"KA102\":2,\"KA201\":1}"));
    assertThat(properties.path("unresolvedTotal").asInt()).isEqualTo(3);
    assertThat(properties.at("/findings/suppressed").asInt()).isEqualTo(1);
    assertThat(properties.at("/findings/baselined").asInt()).isEqualTo(1);
    assertThat(properties.at("/findings/active").asInt()).isEqualTo(5);
  }

  @Test
  void emptyResultIsAValidLogWithNoResults() {
    JsonNode run = sarif(SampleScan.empty(root)).at("/runs/0");

    assertThat(run.path("results").isArray()).isTrue();
    assertThat(run.path("results")).isEmpty();
    assertThat(run.at("/tool/driver/rules")).hasSize(3);
    assertThat(run.at("/invocations/0/toolExecutionNotifications")).isEmpty();
  }

  @Test
  void emptyRuleListStillValidates() {
    JsonNode run =
        sarif(new SarifReportWriter(), SampleScan.empty(root), new ReportContext("dev", List.of()))
            .at("/runs/0");

    assertThat(run.at("/tool/driver/rules")).isEmpty();
    assertThat(run.has("taxonomies")).isFalse();
    assertThat(run.at("/tool/driver").has("semanticVersion")).isFalse();
    assertThat(run.at("/tool/driver").has("informationUri")).isFalse();
  }

  @Test
  void categoryIsConfigurable() {
    JsonNode log =
        sarif(
            new SarifReportWriter(),
            SampleScan.empty(root),
            SampleScan.CONTEXT.withAutomationCategory("keyaudit/module-a"));

    assertThat(log.at("/runs/0/automationDetails/id").asText())
        .isEqualTo("keyaudit/module-a/2026-11-29T10:15:30Z");
  }

  @Test
  void tooManyResultsKeepsTheMostSevereAndSaysSo() {
    List<Finding> findings =
        List.of(
            finding(violation("KA102", Severity.NOTE, "A.java", 1)),
            finding(violation("KA102", Severity.ERROR, "A.java", 2)),
            finding(violation("KA102", Severity.ERROR, "A.java", 3), null, true),
            finding(violation("KA102", Severity.WARNING, "A.java", 4)));

    JsonNode run =
        sarif(new SarifReportWriter(2), TestFindings.result(root, findings), SampleScan.CONTEXT)
            .at("/runs/0");

    assertThat(list(run.path("results")))
        .extracting(r -> r.at("/locations/0/physicalLocation/region/startLine").asInt())
        .containsExactly(2, 3);
    assertThat(run.at("/invocations/0/toolExecutionNotifications/0/message/text").asText())
        .startsWith("2 of 4 findings are not in this SARIF file");
    assertThat(run.at("/properties/findings/omitted").asInt()).isEqualTo(2);
  }

  @Test
  void findingOfAnUnknownRuleIsAWiringError() {
    ScanResult result =
        TestFindings.result(
            root, List.of(finding(violation("KA999", Severity.ERROR, "A.java", 1))));

    assertThatThrownBy(() -> SampleScan.render(new SarifReportWriter(), result, SampleScan.CONTEXT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("KA999");
  }

  @Test
  void sameResultSameBytes() {
    String first =
        SampleScan.render(new SarifReportWriter(), SampleScan.result(root), SampleScan.CONTEXT);
    String second =
        SampleScan.render(new SarifReportWriter(), SampleScan.result(root), SampleScan.CONTEXT);

    SarifSchemaAssert.assertValid(first);
    assertThat(first).isEqualTo(second);
  }

  @Test
  void sourceTextNeverReachesTheReport() throws Exception {
    String secret = "0011223344556677889900aabbccddeeff";
    Path vault = root.resolve(SampleScan.VAULT);
    Files.createDirectories(vault.getParent());
    Files.writeString(vault, "\n".repeat(9) + "byte[] k = hex(\"" + secret + "\");\n");

    String sarif =
        SampleScan.render(new SarifReportWriter(), SampleScan.result(root), SampleScan.CONTEXT);

    SarifSchemaAssert.assertValid(sarif);
    assertThat(sarif).doesNotContain(secret).doesNotContain("byte[] k");
  }

  @Test
  void fingerprintsFromTheFactoryReachTheLog() throws Exception {
    Path file = root.resolve("src/main/java/A.java");
    Files.createDirectories(file.getParent());
    Files.writeString(file, " a\nb\n  \t\tc\n d");
    List<Finding> findings =
        new FindingFactory(new SourceFiles(root), List.of(), Baseline.empty())
            .findings(List.of(violation("KA102", Severity.ERROR, "src/main/java/A.java", 2)));

    JsonNode result = sarif(TestFindings.result(root, findings)).at("/runs/0/results/0");

    // codeql-action's published hash of line 2 of this content.
    assertThat(result.at("/partialFingerprints/primaryLocationLineHash").asText())
        .isEqualTo("54703d4cd895b18:1");
  }

  @Test
  void validatorRejectsABrokenLog() {
    ObjectNode log = (ObjectNode) sarif(SampleScan.result(root)).deepCopy();
    ObjectNode result = (ObjectNode) log.at("/runs/0/results/0");
    result.put("level", "critical");
    ((ObjectNode) result.at("/locations/0/physicalLocation/region")).put("startLine", 0);

    List<String> errors = SarifSchemaAssert.errors(log);

    assertThat(errors).hasSize(2);
    assertThat(String.join("\n", errors)).contains("level").contains("startLine");
    assertThatThrownBy(() -> SarifSchemaAssert.assertValid(log.toString()))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("not valid");
  }

  @Test
  void validatorRejectsAWrongRootShape() {
    List<String> errors = SarifSchemaAssert.errors("{\"version\": \"2.0.0\", \"runs\": {}}");

    assertThat(errors).isNotEmpty();
  }

  private static JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
