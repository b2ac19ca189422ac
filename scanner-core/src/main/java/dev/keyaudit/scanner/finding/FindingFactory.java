package dev.keyaudit.scanner.finding;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.scan.CodeScope;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the policy's violations into the scan's findings: the code scope (test code one severity
 * step lower), the GitHub line-hash fingerprint of the primary location, the in-source waiver that
 * covers it, and whether the baseline accepts it. Adds nothing to the verdict itself.
 *
 * <p>One factory per scan: it shares the scan's {@link SourceFiles} cache, so each file with a
 * finding is read and hashed once.
 */
public final class FindingFactory {

  /** Order of {@link dev.keyaudit.scanner.scan.ScanResult#findings()}: path, line, column, rule. */
  public static final Comparator<Finding> REPORT_ORDER =
      Comparator.comparing((Finding f) -> f.location().path())
          .thenComparingInt(f -> f.location().startLine())
          .thenComparingInt(f -> f.location().startColumn())
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.violation().message());

  private final SourceFiles sources;
  private final Map<String, List<Suppression>> suppressionsByPath;
  private final Baseline baseline;

  /**
   * @param sources the scan root's files (for fingerprints and baseline line hashes)
   * @param suppressions every waiver the frontends found
   * @param baseline the accepted findings, or {@link Baseline#empty()}
   */
  public FindingFactory(
      SourceFiles sources, Collection<Suppression> suppressions, Baseline baseline) {
    this.sources = sources;
    this.suppressionsByPath =
        suppressions.stream().collect(Collectors.groupingBy(Suppression::path));
    this.baseline = baseline;
  }

  /** The findings for all of a scan's violations, in {@link #REPORT_ORDER}. */
  public List<Finding> findings(Collection<Violation> violations) {
    List<Finding> findings = new ArrayList<>(violations.size());
    for (Violation violation : violations) {
      findings.add(finding(violation));
    }
    findings.sort(REPORT_ORDER);
    return baseline.apply(findings, sources);
  }

  /** One finding, without the baseline (which needs all findings to count duplicates). */
  Finding finding(Violation violation) {
    String path = violation.location().path();
    int line = violation.location().startLine();
    CodeScope scope = CodeScope.of(path);
    Severity severity =
        scope.lowersSeverity() ? violation.severity().lower() : violation.severity();
    return new Finding(
        violation,
        severity,
        scope,
        sources.fingerprint(path, line),
        suppression(violation.ruleId(), path, Math.max(1, line)),
        false);
  }

  /** The narrowest waiver that covers the line: the one the developer wrote closest to it. */
  private Suppression suppression(String ruleId, String path, int line) {
    return suppressionsByPath.getOrDefault(path, List.of()).stream()
        .filter(s -> s.covers(ruleId, path, line))
        .min(Comparator.comparingInt(s -> s.endLine() - s.startLine()))
        .orElse(null);
  }
}
