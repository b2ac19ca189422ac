package dev.keyaudit.scanner.report;

import dev.keyaudit.rules.check.Unresolved;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.scan.ScanResult;
import java.util.EnumMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The counts every report shows, computed once: active findings per severity (the ones {@code
 * --fail-on} sees) and how many of them lie in dependencies, accepted ones, unresolved checks per
 * rule, files scanned.
 */
record ReportSummary(
    int total,
    int active,
    Map<Severity, Integer> activeBySeverity,
    int filesWithActiveFindings,
    int activeInDependencies,
    int suppressed,
    int baselined,
    SortedMap<String, Integer> unresolvedByRule,
    int unresolved,
    int filesScanned) {

  static ReportSummary of(ScanResult result) {
    Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
    for (Severity severity : Severity.values()) {
      bySeverity.put(severity, 0);
    }
    int suppressed = 0;
    int baselined = 0;
    for (Finding finding : result.findings()) {
      if (finding.suppression() != null) {
        suppressed++;
      } else if (finding.baselined()) {
        baselined++;
      } else {
        bySeverity.merge(finding.severity(), 1, Integer::sum);
      }
    }
    SortedMap<String, Integer> unresolvedByRule = new TreeMap<>();
    for (Unresolved u : result.unresolved()) {
      unresolvedByRule.merge(u.ruleId(), 1, Integer::sum);
    }
    int active = result.activeFindings().size();
    int files =
        (int) result.activeFindings().stream().map(f -> f.location().path()).distinct().count();
    int scanned = result.filesByFrontend().values().stream().mapToInt(Integer::intValue).sum();
    return new ReportSummary(
        result.findings().size(),
        active,
        Map.copyOf(bySeverity),
        files,
        (int) result.activeFindings().stream().filter(Finding::inDependency).count(),
        suppressed,
        baselined,
        unresolvedByRule,
        result.unresolved().size(),
        scanned);
  }
}
