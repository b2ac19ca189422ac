package dev.keyaudit.maven;

import dev.keyaudit.scanner.cache.ScanCache;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * {@code keyaudit:scan}: scans the module's sources, test sources, resources and manifests, its
 * compiled classes, and with {@code includeDependencies} its runtime dependency jars, writes {@code
 * target/keyaudit/keyaudit.sarif} (plus the other {@code formats}), and fails the build on findings
 * at or above {@code failOn}. A module whose inputs have not changed reuses the last result.
 */
@Mojo(name = "scan", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ScanMojo extends AbstractKeyAuditMojo {

  /** Report formats besides SARIF, which is always written: {@code text}, {@code json}. */
  @Parameter(property = "keyaudit.formats", defaultValue = "sarif")
  private List<String> formats;

  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  @Override
  void executeMojo(FailOn threshold) throws MojoExecutionException, MojoFailureException {
    if ("pom".equals(project.getPackaging())) {
      getLog().info("Skipping KeyAudit for pom packaging (keyaudit:aggregate covers a reactor).");
      return;
    }
    List<String> chosen;
    try {
      chosen = ReportFiles.formats(formats);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("KeyAudit: " + e.getMessage(), e);
    }
    ScanCache.Outcome outcome =
        moduleScan(null).run(project, reactorRoot(), outputDirectory(), runtimeDependencies());
    String category = ReportFiles.category(project.getArtifactId());
    ReportStamp stamp =
        new ReportStamp(
            outputDirectory(),
            outputDirectory().resolve(ScanCache.FILE_NAME),
            category,
            ReportFiles.files(chosen, outputDirectory()));
    List<Path> reports;
    boolean rewrite = !outcome.reused() || !stamp.current();
    try {
      if (rewrite) {
        stamp.clear();
        reports = ReportFiles.write(outcome.result(), category, chosen, outputDirectory());
        stamp.record();
      } else {
        reports = ReportFiles.files(chosen, outputDirectory());
      }
    } catch (IOException e) {
      throw new MojoExecutionException("KeyAudit: cannot write reports: " + e.getMessage(), e);
    }
    summary("", outcome.result(), outcome.reused());
    reports.forEach(r -> getLog().info("KeyAudit: " + (rewrite ? "wrote " : "up to date: ") + r));
    verdict(List.of(outcome.result()), threshold, reports.get(0));
  }
}
