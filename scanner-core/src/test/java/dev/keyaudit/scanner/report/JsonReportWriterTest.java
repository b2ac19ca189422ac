package dev.keyaudit.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportWriterTest {

  @TempDir Path root;

  private JsonNode json(dev.keyaudit.scanner.scan.ScanResult result) throws Exception {
    return new ObjectMapper()
        .readTree(SampleScan.render(new JsonReportWriter(), result, SampleScan.CONTEXT));
  }

  private static List<JsonNode> list(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  @Test
  void describesTheScan() throws Exception {
    JsonNode report = json(SampleScan.result(root));

    assertThat(report.path("schemaVersion").asText()).isEqualTo("1");
    assertThat(report.at("/tool/name").asText()).isEqualTo("KeyAudit");
    assertThat(report.at("/tool/version").asText()).isEqualTo("0.1.0");
    assertThat(report.at("/scan/root").asText()).isEqualTo(root.toAbsolutePath().toString());
    assertThat(report.at("/scan/policy").asText()).isEqualTo("nist-800-131a");
    assertThat(report.at("/scan/policyTitle").asText()).isEqualTo("NIST SP 800-131A Rev 2");
    assertThat(report.at("/scan/targetJdk").asInt()).isEqualTo(17);
    assertThat(report.at("/scan/startedAt").asText()).isEqualTo("2026-11-29T10:15:30Z");
    assertThat(report.at("/scan/durationMillis").asLong()).isEqualTo(1234);
    assertThat(report.at("/scan/filesByFrontend").toString())
        .isEqualTo("{\"manifest\":2,\"source\":40}");
    assertThat(report.path("summary").toString())
        .isEqualTo(
            "{\"findings\":7,\"active\":5,\"activeBySeverity\":{\"error\":2,\"warning\":2,"
                + "\"note\":1},\"filesWithActiveFindings\":5,\"activeInDependencies\":0,"
                + "\"suppressed\":1,\"baselined\":1,"
                + "\"unresolved\":3,\"unresolvedByRule\":{\"KA102\":2,\"KA201\":1},"
                + "\"filesScanned\":42}");
  }

  @Test
  void findingsCarryTheirWholeState() throws Exception {
    List<JsonNode> findings = list(json(SampleScan.result(root)).path("findings"));

    assertThat(findings).hasSize(7);
    JsonNode traced = findings.get(1);
    assertThat(traced.path("ruleId").asText()).isEqualTo("KA102");
    assertThat(traced.at("/location/path").asText()).isEqualTo(SampleScan.KEYS);
    assertThat(traced.at("/location/startColumn").asInt()).isEqualTo(9);
    assertThat(traced.path("threshold").asText()).isEqualTo("RSA >= 2048 bits (SP 800-131A Rev 2)");
    assertThat(traced.at("/properties/keySize").asText()).isEqualTo("1024");
    assertThat(list(traced.path("trace")))
        .extracting(
            s ->
                s.at("/location/path").asText()
                    + ":"
                    + s.at("/location/startLine")
                    + " "
                    + s.path("message").asText())
        .containsExactly(
            SampleScan.CONFIG + ":7 constant KEY_BITS = 1024",
            SampleScan.KEYS + ":42 argument of initialize");
    assertThat(traced.path("fingerprint").asText()).matches("[0-9a-f]+:1");
    assertThat(traced.path("suppression").isNull()).isTrue();
    assertThat(traced.path("active").asBoolean()).isTrue();

    assertThat(findings.get(2).path("baselined").asBoolean()).isTrue();
    assertThat(findings.get(2).path("active").asBoolean()).isFalse();

    JsonNode waived = findings.get(4);
    assertThat(waived.path("suppression").toString())
        .isEqualTo(
            "{\"kind\":\"comment\",\"path\":\""
                + SampleScan.VAULT
                + "\",\"startLine\":10,"
                + "\"endLine\":10,\"ruleIds\":[\"KA301\"],\"justification\":\"test vector from RFC 3602\"}");
    assertThat(waived.path("active").asBoolean()).isFalse();

    JsonNode test = findings.get(6);
    assertThat(test.path("severity").asText()).isEqualTo("warning");
    assertThat(test.path("policySeverity").asText()).isEqualTo("error");
    assertThat(test.path("scope").asText()).isEqualTo("test");
  }

  @Test
  void unresolvedAndNotificationsAreListed() throws Exception {
    JsonNode report = json(SampleScan.result(root));

    assertThat(list(report.path("unresolved")))
        .extracting(
            u ->
                u.path("ruleId").asText()
                    + " "
                    + u.at("/location/path").asText()
                    + ":"
                    + u.at("/location/startLine").asInt()
                    + " "
                    + u.path("what").asText()
                    + ": "
                    + u.path("why").asText())
        .containsExactly(
            "KA102 " + SampleScan.KEYS + ":80 key size: parameter of a public method",
            "KA201 " + SampleScan.KEYS + ":90 seed: read from a file",
            "KA102 " + SampleScan.CONFIG + ":20 key size: system property");
    assertThat(list(report.path("notifications")).get(1).toString())
        .isEqualTo(
            "{\"level\":\"warning\",\"path\":\"src/main/java/com/acme/Bad.java\",\"line\":3,"
                + "\"message\":\"syntax error; scanned what parsed\"}");
  }

  @Test
  void emptyScan() throws Exception {
    JsonNode report = json(SampleScan.empty(root));

    assertThat(report.path("findings")).isEmpty();
    assertThat(report.path("unresolved")).isEmpty();
    assertThat(report.path("notifications")).isEmpty();
    assertThat(report.at("/summary/active").asInt()).isZero();
  }
}
