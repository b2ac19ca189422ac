package dev.keyaudit.maven;

import dev.keyaudit.rules.policy.PolicyException;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.report.TextReportWriter;
import dev.keyaudit.scanner.scan.ScanException;
import dev.keyaudit.scanner.scan.ScanRequest.DependencyMode;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.ProjectDependenciesResolver;

/**
 * The parameters every KeyAudit goal shares, the skip check, and the build verdict: log the summary
 * and each blocking finding, then fail when any finding reaches {@code failOn}. Mojos hold no
 * static mutable state and build a fresh scanner per execution, so they are safe under {@code mvn
 * -T}.
 */
public abstract class AbstractKeyAuditMojo extends AbstractMojo {

  private static final String SUMMARY_PREFIX = "KeyAudit: ";

  private DependencyMode dependencyMode = DependencyMode.REPORT;

  /** Skips KeyAudit entirely. */
  @Parameter(property = "keyaudit.skip", defaultValue = "false")
  private boolean skip;

  /**
   * Built-in policy id ({@code nist-800-131a}, {@code fips-140-3}, {@code cnsa-2.0}, {@code
   * bsi-tr-02102-1}, {@code nist-ir-8547}) or a policy file, relative to the module. Default: the
   * module's {@code keyaudit-policy.yaml} if it has one, else {@code nist-800-131a}.
   */
  @Parameter(property = "keyaudit.policy")
  private String policy;

  /**
   * Fail the build on an active finding at or above: {@code error}, {@code warning}, {@code note}
   * or {@code none}.
   */
  @Parameter(property = "keyaudit.failOn", defaultValue = "error")
  private String failOn;

  /** Where reports and the result cache go. */
  @Parameter(
      property = "keyaudit.outputDirectory",
      defaultValue = "${project.build.directory}/keyaudit")
  private File outputDirectory;

  /** Also scan test sources and test resources (their findings are one severity level lower). */
  @Parameter(property = "keyaudit.includeTests", defaultValue = "true")
  private boolean includeTests;

  /**
   * Accepted-findings file ({@code keyaudit-baseline.json}, written by the CLI's {@code
   * --update-baseline}); listed findings do not fail the build.
   */
  @Parameter(property = "keyaudit.baseline")
  private File baseline;

  /**
   * The JDK release the code runs on (provider default key sizes differ); 0 means the module's
   * {@code maven.compiler.release}, {@code <release>} or {@code target}, else 17.
   */
  @Parameter(property = "keyaudit.targetJdk", defaultValue = "0")
  private int targetJdk;

  /**
   * Only scan files matching these globs, relative to the module ({@code src/main/**}); a glob
   * starting with {@code **}{@code /} matches anywhere.
   */
  @Parameter(property = "keyaudit.includes")
  private List<String> includes = new ArrayList<>();

  /** Skip files matching these globs, relative to the module ({@code **}{@code /generated/**}). */
  @Parameter(property = "keyaudit.excludes")
  private List<String> excludes = new ArrayList<>();

  /**
   * Also scan the module's resolved runtime dependency jars ({@code compile} and {@code runtime}
   * scope, transitively) with the bytecode frontend. They are resolved only when this is set.
   */
  @Parameter(property = "keyaudit.includeDependencies", defaultValue = "false")
  private boolean includeDependencies;

  /**
   * How findings inside dependency jars count, with {@code includeDependencies}: {@code warn}
   * (never above warning; the CLI's default too), {@code report} (like the module's own) or {@code
   * ignore} (not scanned).
   */
  @Parameter(property = "keyaudit.dependencies", defaultValue = "warn")
  private String dependencies;

  @Parameter(defaultValue = "${session}", readonly = true, required = true)
  private MavenSession session;

  @Inject private ProjectDependenciesResolver dependenciesResolver;

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping KeyAudit because property keyaudit.skip is set.");
      return;
    }
    FailOn threshold;
    try {
      threshold = FailOn.parse(failOn);
      dependencyMode = RuntimeDependencies.mode(dependencies);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    try {
      executeMojo(threshold);
    } catch (PolicyException | ScanException e) {
      throw new MojoExecutionException("KeyAudit: " + e.getMessage(), e);
    }
  }

  /** Runs the goal; {@code skip} has been checked. */
  abstract void executeMojo(FailOn threshold) throws MojoExecutionException, MojoFailureException;

  /**
   * The scan settings of this execution, for any module.
   *
   * @param policyBase the folder a relative policy file is looked up in before each module's own
   *     (the reactor's top for an aggregate), or null for the module's only
   */
  ModuleScan moduleScan(Path policyBase) {
    String chosen = policy;
    if (policyBase != null && policy != null && !policy.isBlank()) {
      Path file = policyBase.resolve(policy.trim());
      chosen = Files.isRegularFile(file) ? file.toString() : policy;
    }
    return new ModuleScan(
        chosen,
        targetJdk,
        baseline,
        includeTests,
        includes,
        excludes,
        includeDependencies,
        dependencyMode,
        getLog());
  }

  /** Resolves a module's runtime jars when a scan asks for them. */
  RuntimeDependencies runtimeDependencies() {
    return new RuntimeDependencies(dependenciesResolver, session);
  }

  MavenSession session() {
    return session;
  }

  Path outputDirectory() {
    return outputDirectory.toPath();
  }

  /** The folder reports are relative to: where Maven was started, the repository root in CI. */
  Path reactorRoot() {
    return Path.of(session.getExecutionRootDirectory()).toAbsolutePath().normalize();
  }

  /**
   * Logs each blocking finding as an error line and fails the build when there is one.
   *
   * @param results the results judged together, with the report a reader should open
   */
  void verdict(List<ScanResult> results, FailOn threshold, Path report)
      throws MojoFailureException {
    FindingLines lines = new FindingLines(reactorRoot());
    int blocking = 0;
    for (ScanResult result : results) {
      for (Finding finding : threshold.blocking(result)) {
        getLog().error(lines.line(result, finding));
        blocking++;
      }
    }
    if (blocking > 0) {
      throw new MojoFailureException(
          "KeyAudit: "
              + blocking
              + (blocking == 1 ? " finding" : " findings")
              + " at or above failOn="
              + threshold.describe()
              + ". See "
              + report
              + ". Fix them, waive one in source with a justification, or accept existing ones"
              + " with a baseline (keyaudit.baseline).");
    }
  }

  /** The scan's summary line, naming the module in an aggregate, and whether it was reused. */
  void summary(String module, ScanResult result, boolean reused) {
    String line = TextReportWriter.summaryLine(result);
    // The summary line names KeyAudit itself; an aggregate inserts the module after the name.
    String body = line.startsWith(SUMMARY_PREFIX) ? line.substring(SUMMARY_PREFIX.length()) : line;
    getLog()
        .info(
            "KeyAudit"
                + (module.isEmpty() ? "" : " [" + module + "]")
                + ": "
                + body
                + " · target JDK "
                + result.targetJdk());
    if (reused) {
      getLog().info("KeyAudit: inputs unchanged since the last scan; reused its cached results.");
    }
  }
}
