package dev.keyaudit.scanner.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * SARIF 2.1.0 for GitHub code scanning and SARIF viewers: one run, valid against the OASIS errata01
 * schema, with every property GitHub requires (see {@code reference/standards-and-formats.md}
 * §B.1).
 *
 * <ul>
 *   <li>Results point into {@code %SRCROOT%}, declared in {@code run.originalUriBaseIds} as the
 *       scan root; paths and archive entries are encoded as {@link SarifLocations} describes, and
 *       the archives results lie in are {@code run.artifacts} ({@link SarifArtifacts}).
 *   <li>A result in a dependency names it in {@code properties.artifact} (its {@code
 *       groupId:artifactId:version}, else its file name) and {@code properties.artifactPath}, and
 *       is tagged {@code dependency}.
 *   <li>Every result carries {@code partialFingerprints.primaryLocationLineHash} (GitHub's own
 *       algorithm, or its fallback), its value's trace as {@code relatedLocations} and one {@code
 *       codeFlow}, and {@code suppressions}: {@code inSource} for a waiver, {@code external} for a
 *       baselined finding. Waived and baselined findings are still listed; GitHub ignores {@code
 *       suppressions}, so callers that want them hidden there drop them before writing.
 *   <li>{@code automationDetails.id} is {@code <category><run id>}, the run id being the scan's
 *       start time (UTC, seconds), so equal results give equal files.
 *   <li>GitHub rejects a run with more than {@value #GITHUB_MAX_RESULTS} results: beyond the limit
 *       the least severe findings are left out, accepted ones first, and a notification says so.
 * </ul>
 */
public final class SarifReportWriter implements ReportWriter {

  public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
  public static final int GITHUB_MAX_RESULTS = 25_000;

  /** GitHub keeps 1,000 locations per result and rejects more; traces never need that many. */
  private static final int MAX_TRACE_STEPS = 1_000;

  private static final Pattern SEMVER =
      Pattern.compile(
          "(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
              + "(-[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?(\\+[0-9A-Za-z-]+(\\.[0-9A-Za-z-]+)*)?");
  private static final Set<String> NOTIFICATION_LEVELS = Set.of("none", "note", "warning", "error");

  private final int maxResults;

  public SarifReportWriter() {
    this(GITHUB_MAX_RESULTS);
  }

  /** With a smaller result limit (tests). */
  SarifReportWriter(int maxResults) {
    this.maxResults = maxResults;
  }

  @Override
  public String format() {
    return "sarif";
  }

  @Override
  public String defaultFileName() {
    return "keyaudit.sarif";
  }

  @Override
  public void write(ScanResult result, ReportContext context, OutputStream out) throws IOException {
    JsonOutput.write(log(result, context), out);
  }

  ObjectNode log(ScanResult result, ReportContext context) {
    SarifRules rules = new SarifRules(context.rules());
    List<Finding> kept = keptFindings(result.findings());
    int omitted = result.findings().size() - kept.size();

    ObjectNode log = JsonOutput.object();
    log.put("$schema", SCHEMA_URI);
    log.put("version", "2.1.0");
    ObjectNode run = log.putArray("runs").addObject();
    run.set("tool", tool(context, rules));
    run.putArray("invocations").add(invocation(result, context, omitted));
    run.putObject("originalUriBaseIds")
        .putObject(SarifLocations.SRCROOT)
        .put("uri", SarifLocations.rootUri(result.root()));
    run.putObject("automationDetails")
        .put("id", context.automationCategory() + runId(result.startedAt()));
    run.put("columnKind", "utf16CodeUnits");
    if (rules.hasTaxonomy()) {
      run.putArray("taxonomies").add(rules.cweTaxonomy());
    }
    SarifArtifacts artifacts = SarifArtifacts.of(kept);
    if (!artifacts.isEmpty()) {
      run.set("artifacts", artifacts.node());
    }
    ArrayNode results = run.putArray("results");
    for (Finding finding : kept) {
      results.add(result(finding, rules));
    }
    run.set("properties", runProperties(result, context, omitted));
    return log;
  }

  /** All findings in their order, unless GitHub's limit forces leaving out the least severe. */
  private List<Finding> keptFindings(List<Finding> findings) {
    if (findings.size() <= maxResults) {
      return findings;
    }
    Comparator<Integer> mostImportantFirst =
        Comparator.comparing((Integer i) -> findings.get(i).severity())
            .thenComparing(i -> !findings.get(i).active())
            .thenComparingInt(i -> i);
    Set<Integer> kept =
        IntStream.range(0, findings.size())
            .boxed()
            .sorted(mostImportantFirst)
            .limit(maxResults)
            .collect(Collectors.toSet());
    return IntStream.range(0, findings.size())
        .filter(kept::contains)
        .mapToObj(findings::get)
        .toList();
  }

  private static ObjectNode tool(ReportContext context, SarifRules rules) {
    ObjectNode tool = JsonOutput.object();
    ObjectNode driver = tool.putObject("driver");
    driver.put("name", context.toolName());
    driver.put("version", context.toolVersion());
    if (SEMVER.matcher(context.toolVersion()).matches()) {
      driver.put("semanticVersion", context.toolVersion());
    }
    if (context.informationUri() != null && !context.informationUri().isBlank()) {
      driver.put("informationUri", context.informationUri());
    }
    driver.set("rules", rules.descriptors());
    if (rules.hasTaxonomy()) {
      ObjectNode supported = driver.putArray("supportedTaxonomies").addObject();
      supported.put("name", SarifRules.CWE_TAXONOMY);
      supported.put("index", 0);
    }
    return tool;
  }

  private static ObjectNode invocation(ScanResult result, ReportContext context, int omitted) {
    ObjectNode invocation = JsonOutput.object();
    // The scan ran to the end; inputs it could not read are notifications, not a failed run.
    invocation.put("executionSuccessful", true);
    invocation.put("startTimeUtc", utc(result.startedAt()));
    invocation.put("endTimeUtc", utc(result.startedAt().plus(result.duration())));
    Path workingDirectory =
        context.workingDirectory() != null ? context.workingDirectory() : result.root();
    invocation.putObject("workingDirectory").put("uri", SarifLocations.rootUri(workingDirectory));
    ArrayNode notifications = invocation.putArray("toolExecutionNotifications");
    for (Notification notification : result.notifications()) {
      notifications.add(notification(notification));
    }
    if (omitted > 0) {
      notifications.add(
          notification(
              Notification.warning(
                  "",
                  0,
                  omitted
                      + " of "
                      + result.findings().size()
                      + " findings are not in this SARIF file: GitHub code scanning accepts at most "
                      + GITHUB_MAX_RESULTS
                      + " results per run. The least severe were left out; the JSON report"
                      + " lists all.")));
    }
    return invocation;
  }

  private static ObjectNode notification(Notification notification) {
    ObjectNode node = JsonOutput.object();
    String level = notification.level().toLowerCase(Locale.ROOT);
    node.put("level", NOTIFICATION_LEVELS.contains(level) ? level : "warning");
    node.putObject("message").put("text", notification.message());
    if (!notification.path().isEmpty()) {
      Location location =
          notification.line() > 0
              ? Location.line(notification.path(), notification.line())
              : Location.file(notification.path());
      node.putArray("locations").add(SarifLocations.location(location));
    }
    return node;
  }

  private static ObjectNode result(Finding finding, SarifRules rules) {
    Violation violation = finding.violation();
    List<TraceStep> trace =
        violation.trace().size() > MAX_TRACE_STEPS
            ? violation.trace().subList(0, MAX_TRACE_STEPS)
            : violation.trace();
    ObjectNode node = JsonOutput.object();
    node.put("ruleId", finding.ruleId());
    node.put("ruleIndex", rules.index(finding.ruleId()));
    node.put("level", finding.severity().sarifLevel());
    node.putObject("message").put("text", message(violation, trace));
    node.putArray("locations").add(SarifLocations.location(finding.location()));
    if (!trace.isEmpty()) {
      ArrayNode related = node.putArray("relatedLocations");
      for (int i = 0; i < trace.size(); i++) {
        ObjectNode location = SarifLocations.location(trace.get(i).location());
        location.put("id", i + 1);
        location.putObject("message").put("text", trace.get(i).message());
        related.add(location);
      }
      node.putArray("codeFlows").add(codeFlow(finding, trace, rules));
    }
    node.putObject("partialFingerprints").put("primaryLocationLineHash", finding.fingerprint());
    ArrayNode suppressions = suppressions(finding);
    if (!suppressions.isEmpty()) {
      node.set("suppressions", suppressions);
    }
    node.set("properties", resultProperties(finding));
    return node;
  }

  /**
   * The violation's message, then a link to where the value came from (GitHub shows related
   * locations through such links) when that is somewhere else.
   */
  private static String message(Violation violation, List<TraceStep> trace) {
    if (trace.isEmpty() || sameLine(trace.get(0).location(), violation.location())) {
      return violation.message();
    }
    return violation.message() + " Value from [" + escapeLinkText(trace.get(0).message()) + "](1).";
  }

  /** Inside link text SARIF needs {@code \}, {@code [} and {@code ]} escaped. */
  private static String escapeLinkText(String text) {
    return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
  }

  /** The trace from origin to sink, then the finding itself when the trace stops short of it. */
  private static ObjectNode codeFlow(Finding finding, List<TraceStep> trace, SarifRules rules) {
    ObjectNode flow = JsonOutput.object();
    ArrayNode locations = flow.putArray("threadFlows").addObject().putArray("locations");
    for (TraceStep step : trace) {
      locations.add(threadFlowLocation(step.location(), step.message()));
    }
    if (!sameLine(trace.get(trace.size() - 1).location(), finding.location())) {
      String sink = finding.ruleId() + ": " + rules.rule(finding.ruleId()).title();
      locations.add(threadFlowLocation(finding.location(), sink));
    }
    return flow;
  }

  private static ObjectNode threadFlowLocation(Location location, String message) {
    ObjectNode node = JsonOutput.object();
    ObjectNode inner = SarifLocations.location(location);
    inner.putObject("message").put("text", message);
    node.set("location", inner);
    return node;
  }

  private static boolean sameLine(Location a, Location b) {
    return a.path().equals(b.path()) && a.startLine() == b.startLine();
  }

  private static ArrayNode suppressions(Finding finding) {
    ArrayNode suppressions = JsonOutput.object().arrayNode();
    Suppression waiver = finding.suppression();
    if (waiver != null) {
      ObjectNode node = suppressions.addObject();
      node.put("kind", "inSource");
      node.put("status", "accepted");
      if (waiver.justification() != null && !waiver.justification().isBlank()) {
        node.put("justification", waiver.justification());
      }
      node.set(
          "location",
          SarifLocations.location(
              new Location(waiver.path(), waiver.startLine(), 0, waiver.endLine(), 0)));
      ObjectNode properties = node.putObject("properties");
      properties.put("form", waiver.kind());
      ArrayNode ruleIds = properties.putArray("ruleIds");
      waiver.ruleIds().stream().sorted().forEach(ruleIds::add);
    }
    if (finding.baselined()) {
      ObjectNode node = suppressions.addObject();
      node.put("kind", "external");
      node.put("status", "accepted");
      node.put("justification", "Accepted in the KeyAudit baseline.");
    }
    return suppressions;
  }

  /**
   * The violation's own properties, then KeyAudit's (which win on a name clash): policy, threshold,
   * scope, the policy's severity when test or example scope or the dependency mode lowered it, the
   * dependency artifact, and the scope's and dependency's tags.
   */
  private static ObjectNode resultProperties(Finding finding) {
    Violation violation = finding.violation();
    ObjectNode properties = JsonOutput.object();
    new TreeMap<>(violation.properties()).forEach(properties::put);
    properties.put("policy", violation.policyId());
    properties.put("threshold", violation.threshold());
    properties.put("scope", finding.scope().name().toLowerCase(Locale.ROOT));
    if (finding.severity() != violation.severity()) {
      properties.put("policySeverity", violation.severity().sarifLevel());
    }
    if (finding.inDependency()) {
      properties.put("artifact", finding.dependency().displayName());
      properties.put("artifactPath", finding.dependency().location());
    }
    if (finding.scope().lowersSeverity() || finding.inDependency()) {
      ArrayNode tags = properties.putArray("tags");
      if (finding.scope().lowersSeverity()) {
        tags.add(finding.scope().tag());
      }
      if (finding.inDependency()) {
        tags.add("dependency");
      }
    }
    return properties;
  }

  private static ObjectNode runProperties(ScanResult result, ReportContext context, int omitted) {
    ReportSummary summary = ReportSummary.of(result);
    ObjectNode properties = JsonOutput.object();
    properties.put("policy", result.policyId());
    if (context.policyTitle() != null) {
      properties.put("policyTitle", context.policyTitle());
    }
    properties.put("targetJdk", result.targetJdk());
    ObjectNode unresolved = properties.putObject("unresolved");
    summary.unresolvedByRule().forEach(unresolved::put);
    properties.put("unresolvedTotal", summary.unresolved());
    ObjectNode files = properties.putObject("filesByFrontend");
    new TreeMap<>(result.filesByFrontend()).forEach(files::put);
    ObjectNode counts = properties.putObject("findings");
    counts.put("active", summary.active());
    for (Map.Entry<Severity, Integer> e : new TreeMap<>(summary.activeBySeverity()).entrySet()) {
      counts.put(e.getKey().sarifLevel(), e.getValue());
    }
    counts.put("suppressed", summary.suppressed());
    counts.put("baselined", summary.baselined());
    if (omitted > 0) {
      counts.put("omitted", omitted);
    }
    return properties;
  }

  private static String runId(Instant startedAt) {
    return startedAt.truncatedTo(ChronoUnit.SECONDS).toString();
  }

  private static String utc(Instant instant) {
    return instant.truncatedTo(ChronoUnit.MILLIS).toString();
  }
}
