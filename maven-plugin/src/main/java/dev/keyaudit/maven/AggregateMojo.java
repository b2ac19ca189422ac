package dev.keyaudit.maven;

import dev.keyaudit.scanner.cache.ScanCache;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.MavenProject;

/**
 * {@code keyaudit:aggregate}: scans every module of the reactor and writes one SARIF log, {@code
 * target/keyaudit/keyaudit-aggregate.sarif} at the top, with one run per module and a distinct
 * {@code automationDetails} category per run ({@code keyaudit/<artifactId>/}), so the whole build
 * is one code-scanning upload. Runs once per build; modules already scanned by {@code
 * keyaudit:scan} in the same build reuse their cached results. Run it from the command line after
 * the build ({@code mvn verify keyaudit:aggregate}): bound in the root POM it would run before the
 * modules are built.
 */
@Mojo(name = "aggregate", aggregator = true, threadSafe = true)
public class AggregateMojo extends AbstractKeyAuditMojo {

  static final String FILE_NAME = "keyaudit-aggregate.sarif";

  @Override
  void executeMojo(FailOn threshold) throws MojoExecutionException, MojoFailureException {
    List<MavenProject> modules =
        session().getProjects().stream().filter(p -> !"pom".equals(p.getPackaging())).toList();
    if (modules.isEmpty()) {
      getLog().info("KeyAudit: no module with sources in this build; nothing to aggregate.");
      return;
    }
    Set<String> artifactIds = new HashSet<>();
    modules.forEach(m -> artifactIds.add(m.getArtifactId()));
    boolean clash = artifactIds.size() < modules.size();

    ModuleScan scan = moduleScan(session().getTopLevelProject().getBasedir().toPath());
    List<ScanResult> results = new ArrayList<>();
    List<byte[]> logs = new ArrayList<>();
    try {
      for (MavenProject module : modules) {
        // Each module keeps its own cache, shared with keyaudit:scan in that module.
        Path cache = Path.of(module.getBuild().getDirectory(), "keyaudit");
        ScanCache.Outcome outcome = scan.run(module, reactorRoot(), cache, runtimeDependencies());
        String name =
            clash ? module.getGroupId() + "." + module.getArtifactId() : module.getArtifactId();
        summary(name, outcome.result(), outcome.reused());
        results.add(outcome.result());
        logs.add(ReportFiles.sarif(outcome.result(), ReportFiles.category(name)));
      }
      Path report = outputDirectory().resolve(FILE_NAME);
      SarifAggregate.write(SarifAggregate.merge(logs), report);
      getLog().info("KeyAudit: wrote " + report + " (" + modules.size() + " modules)");
      verdict(results, threshold, report);
    } catch (IOException e) {
      throw new MojoExecutionException("KeyAudit: cannot write the report: " + e.getMessage(), e);
    }
  }
}
