package dev.keyaudit.scanner.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.rules.check.Unresolved;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.archive.Artifact;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Locale;
import java.util.TreeMap;

/**
 * KeyAudit's own JSON report ({@code schemaVersion} "1"): the whole scan result — findings with
 * their waiver and baseline state and the dependency {@code artifact} they lie in (null for the
 * project's own code), unresolved checks, notifications, counts — for scripts and for {@code
 * keyaudit report}. Keys come in a fixed order and maps are sorted, so equal results give equal
 * bytes.
 */
public final class JsonReportWriter implements ReportWriter {

  public static final String SCHEMA_VERSION = "1";

  @Override
  public String format() {
    return "json";
  }

  @Override
  public String defaultFileName() {
    return "keyaudit.json";
  }

  @Override
  public void write(ScanResult result, ReportContext context, OutputStream out) throws IOException {
    ReportSummary summary = ReportSummary.of(result);
    ObjectNode root = JsonOutput.object();
    root.put("schemaVersion", SCHEMA_VERSION);
    ObjectNode tool = root.putObject("tool");
    tool.put("name", context.toolName());
    tool.put("version", context.toolVersion());

    ObjectNode scan = root.putObject("scan");
    scan.put("root", result.root().toAbsolutePath().normalize().toString());
    scan.put("policy", result.policyId());
    if (context.policyTitle() != null) {
      scan.put("policyTitle", context.policyTitle());
    }
    scan.put("targetJdk", result.targetJdk());
    scan.put("startedAt", result.startedAt().toString());
    scan.put("durationMillis", result.duration().toMillis());
    ObjectNode files = scan.putObject("filesByFrontend");
    new TreeMap<>(result.filesByFrontend()).forEach(files::put);

    ObjectNode counts = root.putObject("summary");
    counts.put("findings", summary.total());
    counts.put("active", summary.active());
    ObjectNode bySeverity = counts.putObject("activeBySeverity");
    for (Severity severity : Severity.values()) {
      bySeverity.put(severity.sarifLevel(), summary.activeBySeverity().get(severity));
    }
    counts.put("filesWithActiveFindings", summary.filesWithActiveFindings());
    counts.put("activeInDependencies", summary.activeInDependencies());
    counts.put("suppressed", summary.suppressed());
    counts.put("baselined", summary.baselined());
    counts.put("unresolved", summary.unresolved());
    ObjectNode unresolvedByRule = counts.putObject("unresolvedByRule");
    summary.unresolvedByRule().forEach(unresolvedByRule::put);
    counts.put("filesScanned", summary.filesScanned());

    ArrayNode findings = root.putArray("findings");
    result.findings().forEach(f -> findings.add(finding(f)));
    ArrayNode unresolved = root.putArray("unresolved");
    result.unresolved().forEach(u -> unresolved.add(unresolved(u)));
    ArrayNode notifications = root.putArray("notifications");
    result.notifications().forEach(n -> notifications.add(notification(n)));

    JsonOutput.write(root, out);
  }

  private static ObjectNode finding(Finding finding) {
    var violation = finding.violation();
    ObjectNode node = JsonOutput.object();
    node.put("ruleId", finding.ruleId());
    node.put("severity", lower(finding.severity()));
    node.put("policySeverity", lower(violation.severity()));
    node.put("scope", lower(finding.scope()));
    node.put("message", violation.message());
    node.set("location", location(finding.location()));
    if (finding.inDependency()) {
      node.set("artifact", artifact(finding.dependency()));
    } else {
      node.putNull("artifact");
    }
    node.put("policy", violation.policyId());
    node.put("threshold", violation.threshold());
    ObjectNode properties = node.putObject("properties");
    new TreeMap<>(violation.properties()).forEach(properties::put);
    ArrayNode trace = node.putArray("trace");
    for (TraceStep step : violation.trace()) {
      ObjectNode stepNode = trace.addObject();
      stepNode.set("location", location(step.location()));
      stepNode.put("message", step.message());
    }
    node.put("fingerprint", finding.fingerprint());
    if (finding.suppression() == null) {
      node.putNull("suppression");
    } else {
      node.set("suppression", suppression(finding.suppression()));
    }
    node.put("baselined", finding.baselined());
    node.put("active", finding.active());
    return node;
  }

  /** The dependency a finding lies in; {@code artifact} is null for the project's own code. */
  private static ObjectNode artifact(Artifact artifact) {
    ObjectNode node = JsonOutput.object();
    node.put("name", artifact.displayName());
    node.put("coordinates", artifact.coordinates());
    node.put("path", artifact.location());
    node.put("nested", artifact.nested());
    return node;
  }

  private static ObjectNode suppression(Suppression suppression) {
    ObjectNode node = JsonOutput.object();
    node.put("kind", suppression.kind());
    node.put("path", suppression.path());
    node.put("startLine", suppression.startLine());
    node.put("endLine", suppression.endLine());
    ArrayNode rules = node.putArray("ruleIds");
    suppression.ruleIds().stream().sorted().forEach(rules::add);
    node.put("justification", suppression.justification());
    return node;
  }

  private static ObjectNode unresolved(Unresolved unresolved) {
    ObjectNode node = JsonOutput.object();
    node.put("ruleId", unresolved.ruleId());
    node.set("location", location(unresolved.location()));
    node.put("what", unresolved.what());
    node.put("why", unresolved.why());
    return node;
  }

  private static ObjectNode notification(Notification notification) {
    ObjectNode node = JsonOutput.object();
    node.put("level", notification.level());
    node.put("path", notification.path());
    node.put("line", notification.line());
    node.put("message", notification.message());
    return node;
  }

  private static ObjectNode location(Location location) {
    ObjectNode node = JsonOutput.object();
    node.put("path", location.path());
    node.put("startLine", location.startLine());
    node.put("startColumn", location.startColumn());
    node.put("endLine", location.endLine());
    node.put("endColumn", location.endColumn());
    return node;
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
