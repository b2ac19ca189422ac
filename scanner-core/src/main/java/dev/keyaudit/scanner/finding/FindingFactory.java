package dev.keyaudit.scanner.finding;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.archive.Artifact;
import dev.keyaudit.scanner.scan.CodeScope;
import dev.keyaudit.scanner.scan.ScanRequest.DependencyMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns the policy's violations into the scan's findings: the code scope (test code one severity
 * step lower), the dependency it lies in (capped at warning under {@link DependencyMode#WARN}), the
 * GitHub line-hash fingerprint of the primary location, the in-source waiver that covers it, and
 * whether the baseline accepts it. Adds nothing to the verdict itself.
 *
 * <p>One factory per scan: it shares the scan's {@link SourceFiles} cache, so each file with a
 * finding is read and hashed once.
 */
public final class FindingFactory {

  /**
   * Order of {@link dev.keyaudit.scanner.scan.ScanResult#findings()}: the project's own findings
   * first, then each dependency's (by name); within each, path, line, column, rule.
   */
  public static final Comparator<Finding> REPORT_ORDER =
      Comparator.comparing((Finding f) -> f.inDependency())
          .thenComparing(f -> f.inDependency() ? f.dependency().displayName() : "")
          .thenComparing(f -> f.location().path())
          .thenComparingInt(f -> f.location().startLine())
          .thenComparingInt(f -> f.location().startColumn())
          .thenComparing(Finding::ruleId)
          .thenComparing(f -> f.violation().message());

  private final SourceFiles sources;
  private final Map<String, List<Suppression>> suppressionsByPath;
  private final Baseline baseline;
  private final DependencyOrigins origins;
  private final DependencyMode dependencyMode;

  /** For a scan of the project's own code only. */
  public FindingFactory(
      SourceFiles sources, Collection<Suppression> suppressions, Baseline baseline) {
    this(sources, suppressions, baseline, DependencyOrigins.none(), DependencyMode.REPORT);
  }

  /**
   * @param sources the scan root's files (for fingerprints and baseline line hashes)
   * @param suppressions every waiver the frontends found
   * @param baseline the accepted findings, or {@link Baseline#empty()}
   * @param origins which locations are third-party code
   * @param dependencyMode how findings in third-party code count
   */
  public FindingFactory(
      SourceFiles sources,
      Collection<Suppression> suppressions,
      Baseline baseline,
      DependencyOrigins origins,
      DependencyMode dependencyMode) {
    this.sources = sources;
    this.suppressionsByPath =
        suppressions.stream().collect(Collectors.groupingBy(Suppression::path));
    this.baseline = baseline;
    this.origins = origins;
    this.dependencyMode = dependencyMode;
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
    Artifact dependency = origins.of(path);
    if (dependency != null && dependencyMode == DependencyMode.WARN && severity == Severity.ERROR) {
      // Visible, but a library the project cannot edit does not fail its build by default.
      severity = Severity.WARNING;
    }
    return new Finding(
        violation,
        severity,
        scope,
        sources.fingerprint(path, line),
        suppression(violation.ruleId(), path, Math.max(1, line)),
        false,
        dependency);
  }

  /** The narrowest waiver that covers the line: the one the developer wrote closest to it. */
  private Suppression suppression(String ruleId, String path, int line) {
    return suppressionsByPath.getOrDefault(path, List.of()).stream()
        .filter(s -> s.covers(ruleId, path, line))
        .min(Comparator.comparingInt(s -> s.endLine() - s.startLine()))
        .orElse(null);
  }
}
