package dev.keyaudit.scanner.report;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.archive.Artifact;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.finding.FindingFactory;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.CodeScope;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The console report: findings grouped by file, one {@code path:line: LEVEL [KA102] message} line
 * each (the form IDEs and terminals turn into links), then indented policy, trace, test-code,
 * dependency, waiver and baseline notes. The project's own findings come first; findings in
 * dependencies follow under one heading per artifact ({@code groupId:artifactId:version} and the
 * jar's path). Then what could not be read; then one summary line. Same result, same text: no
 * clock, no absolute paths of the scan's own files, {@code \n} line ends.
 */
public final class TextReportWriter implements ReportWriter {

  private static final String INDENT = "    ";
  private static final String DOT = " · ";

  @Override
  public String format() {
    return "text";
  }

  @Override
  public String defaultFileName() {
    return "keyaudit.txt";
  }

  @Override
  public void write(ScanResult result, ReportContext context, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(render(result));
    writer.flush();
  }

  String render(ScanResult result) {
    StringBuilder text = new StringBuilder();
    List<Finding> findings = new ArrayList<>(result.findings());
    findings.sort(FindingFactory.REPORT_ORDER);
    String currentPath = null;
    Artifact currentArtifact = null;
    for (Finding finding : findings) {
      String path = finding.location().path();
      if (finding.inDependency() && !finding.dependency().equals(currentArtifact)) {
        if (currentPath != null) {
          text.append('\n');
        }
        currentArtifact = finding.dependency();
        appendDependencyHeading(text, currentArtifact);
      } else if (currentPath != null && !currentPath.equals(path)) {
        text.append('\n');
      }
      currentPath = path;
      appendFinding(text, finding);
    }
    if (!findings.isEmpty()) {
      text.append('\n');
    }
    if (!result.notifications().isEmpty()) {
      text.append("Notifications (inputs not fully read, other scan problems):\n");
      for (Notification notification : result.notifications()) {
        text.append(INDENT)
            .append(notification.level().toUpperCase(Locale.ROOT))
            .append(' ')
            .append(notificationPlace(notification))
            .append(notification.message())
            .append('\n');
      }
      text.append('\n');
    }
    ReportSummary summary = ReportSummary.of(result);
    if (!summary.unresolvedByRule().isEmpty()) {
      text.append("Unresolved (value not known statically): ")
          .append(
              summary.unresolvedByRule().entrySet().stream()
                  .map(e -> e.getKey() + " " + e.getValue())
                  .collect(Collectors.joining(", ")))
          .append('\n');
    }
    text.append(summaryLine(result, summary)).append('\n');
    return text.toString();
  }

  private static void appendDependencyHeading(StringBuilder text, Artifact artifact) {
    text.append("Dependency ").append(artifact.displayName());
    if (artifact.coordinates() != null || !artifact.displayName().equals(artifact.location())) {
      text.append(" (").append(artifact.location()).append(')');
    }
    text.append(":\n");
  }

  private static void appendFinding(StringBuilder text, Finding finding) {
    var violation = finding.violation();
    text.append(place(finding.location()))
        .append(": ")
        .append(finding.severity().name())
        .append(" [")
        .append(finding.ruleId())
        .append("] ")
        .append(violation.message())
        .append('\n');
    text.append(INDENT)
        .append("policy ")
        .append(violation.policyId())
        .append(DOT)
        .append("threshold ")
        .append(violation.threshold())
        .append('\n');
    List<TraceStep> trace = violation.trace();
    for (int i = 0; i < trace.size(); i++) {
      TraceStep step = trace.get(i);
      text.append(INDENT)
          .append(i == 0 ? "trace: " : "       ")
          .append(place(step.location()))
          .append(' ')
          .append(step.message())
          .append('\n');
    }
    if (finding.scope().lowersSeverity()) {
      String what = finding.scope() == CodeScope.TEST ? "test code" : "example or documentation";
      text.append(INDENT).append(what).append(" (").append(finding.scope().tag()).append(")");
      if (finding.severity() != violation.severity()) {
        text.append(": lowered from ").append(violation.severity().name());
      }
      text.append('\n');
    }
    if (finding.inDependency()
        && !finding.scope().lowersSeverity()
        && finding.severity() != violation.severity()) {
      text.append(INDENT)
          .append("dependency, capped at WARNING: lowered from ")
          .append(violation.severity().name())
          .append('\n');
    }
    Suppression suppression = finding.suppression();
    if (suppression != null) {
      text.append(INDENT)
          .append("suppressed in source (")
          .append(suppression.kind())
          .append(", line")
          .append(
              suppression.startLine() == suppression.endLine()
                  ? " " + suppression.startLine()
                  : "s " + suppression.startLine() + "-" + suppression.endLine())
          .append(')');
      if (suppression.justification() != null && !suppression.justification().isBlank()) {
        text.append(": ").append(suppression.justification());
      }
      text.append('\n');
    }
    if (finding.baselined()) {
      text.append(INDENT).append("accepted by the baseline\n");
    }
  }

  private static String place(Location location) {
    return location.hasLine() ? location.path() + ":" + location.startLine() : location.path();
  }

  private static String notificationPlace(Notification notification) {
    if (notification.path().isEmpty()) {
      return "";
    }
    return notification.path() + (notification.line() > 0 ? ":" + notification.line() : "") + ": ";
  }

  /** The one-line summary the text report ends with; the CLI prints it after other formats. */
  public static String summaryLine(ScanResult result) {
    return summaryLine(result, ReportSummary.of(result));
  }

  private static String summaryLine(ScanResult result, ReportSummary summary) {
    List<String> parts = new ArrayList<>();
    String findings = plural(summary.active(), "finding");
    if (summary.active() > 0) {
      findings +=
          " ("
              + summary.activeBySeverity().get(Severity.ERROR)
              + " error, "
              + summary.activeBySeverity().get(Severity.WARNING)
              + " warning, "
              + summary.activeBySeverity().get(Severity.NOTE)
              + " note) in "
              + plural(summary.filesWithActiveFindings(), "file");
    }
    if (summary.activeInDependencies() > 0) {
      findings += " (" + summary.activeInDependencies() + " in dependencies)";
    }
    parts.add(findings);
    if (summary.suppressed() > 0) {
      parts.add(summary.suppressed() + " suppressed");
    }
    if (summary.baselined() > 0) {
      parts.add(summary.baselined() + " baselined");
    }
    if (summary.unresolved() > 0) {
      parts.add(plural(summary.unresolved(), "call site") + " unresolved");
    }
    parts.add("policy " + result.policyId());
    parts.add(
        plural(summary.filesScanned(), "file")
            + " scanned in "
            + String.format(Locale.ROOT, "%.1f s", result.duration().toMillis() / 1000.0));
    return "KeyAudit: " + String.join(DOT, parts);
  }

  private static String plural(int count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }
}
