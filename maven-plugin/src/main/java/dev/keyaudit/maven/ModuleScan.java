package dev.keyaudit.maven;

import dev.keyaudit.scanner.cache.ScanCache;
import dev.keyaudit.scanner.scan.BuiltInFrontends;
import dev.keyaudit.scanner.scan.ScanException;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.ScanRequest.DependencyMode;
import dev.keyaudit.scanner.scan.Scanner;
import dev.keyaudit.scanner.scan.TargetJdkDetector;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.MavenProject;

/**
 * Scans one module: maps the Mojo's settings and the module's model onto a {@link ScanRequest} and
 * runs it through the module's {@link ScanCache}, so an unchanged module is not scanned twice. The
 * module's compiled classes go to the bytecode frontend beside its sources (a class whose source is
 * scanned too is reported once, on the source); with {@code includeDependencies} its resolved
 * runtime jars go along as the request's dependencies.
 *
 * @param policy built-in policy id or policy file (relative to the module); null or blank means the
 *     module's {@code keyaudit-policy.yaml} if present, else the default policy
 * @param targetJdk 0 means the module's compiler release
 * @param baseline accepted-findings file, or null
 */
record ModuleScan(
    String policy,
    int targetJdk,
    File baseline,
    boolean includeTests,
    List<String> includes,
    List<String> excludes,
    boolean includeDependencies,
    DependencyMode dependencyMode,
    Log log) {

  static final String DEFAULT_POLICY = "nist-800-131a";
  static final String PROJECT_POLICY_FILE = "keyaudit-policy.yaml";

  ModuleScan {
    includes = includes == null ? List.of() : List.copyOf(includes);
    excludes = excludes == null ? List.of() : List.copyOf(excludes);
    dependencyMode = dependencyMode == null ? DependencyMode.REPORT : dependencyMode;
  }

  /** Whether a scan needs the module's dependencies resolved. */
  boolean needsDependencies() {
    return includeDependencies && dependencyMode != DependencyMode.IGNORE;
  }

  /**
   * @param root the scan root (the reactor root when the module is inside it)
   * @param cacheDirectory where the module's result cache lives
   * @param dependencyResolver resolves the runtime jars; used only when {@link
   *     #needsDependencies()}
   */
  ScanCache.Outcome run(
      MavenProject project,
      Path root,
      Path cacheDirectory,
      RuntimeDependencies dependencyResolver) {
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    Path scanRoot = basedir.startsWith(root) ? root : basedir;
    List<Path> dependencies = List.of();
    if (needsDependencies()) {
      try {
        dependencies = dependencyResolver.of(project);
      } catch (DependencyResolutionException e) {
        throw new ScanException(
            "cannot resolve the runtime dependencies of "
                + project.getArtifactId()
                + ": "
                + e.getMessage(),
            e);
      }
      log.debug("KeyAudit: " + dependencies.size() + " dependency files: " + dependencies);
    }
    ModuleInputs inputs =
        ModuleInputs.of(
            scanRoot,
            basedir,
            Path.of(project.getBuild().getDirectory()),
            project.getModules(),
            testRoots(project),
            includeTests,
            includes,
            excludes,
            classDirs(project),
            dependencies);
    ScanRequest request =
        ScanRequest.builder(inputs.paths())
            .root(scanRoot)
            .policy(policyFor(basedir))
            .targetJdk(targetJdkFor(project, basedir))
            .baseline(baseline == null ? null : baseline.toPath())
            .threads(Math.max(1, Runtime.getRuntime().availableProcessors()))
            .filter(inputs.filter())
            .dependencies(dependencies)
            .dependencyMode(dependencyMode)
            .progress(message -> log.debug("KeyAudit: " + message))
            .build();
    Scanner scanner =
        new Scanner(ClassOutputFrontends.of(BuiltInFrontends.all(), inputs.classOutputs()));
    return new ScanCache(cacheDirectory).scan(request, scanner);
  }

  private String policyFor(Path basedir) {
    if (policy == null || policy.isBlank()) {
      Path projectPolicy = basedir.resolve(PROJECT_POLICY_FILE);
      if (!Files.isRegularFile(projectPolicy)) {
        return DEFAULT_POLICY;
      }
      log.info("KeyAudit: using the module's policy file " + projectPolicy);
      return projectPolicy.toString();
    }
    Path file = basedir.resolve(policy.trim());
    return Files.isRegularFile(file) ? file.toString() : policy.trim();
  }

  private int targetJdkFor(MavenProject project, Path basedir) {
    if (targetJdk > 0) {
      return targetJdk;
    }
    return TargetJdk.of(project)
        .orElseGet(() -> TargetJdkDetector.detect(basedir).orElse(TargetJdkDetector.FALLBACK));
  }

  private List<Path> classDirs(MavenProject project) {
    List<Path> dirs = new java.util.ArrayList<>();
    dirs.add(Path.of(project.getBuild().getOutputDirectory()));
    if (includeTests) {
      dirs.add(Path.of(project.getBuild().getTestOutputDirectory()));
    }
    return dirs;
  }

  private static List<Path> testRoots(MavenProject project) {
    var roots = new java.util.ArrayList<Path>();
    project.getTestCompileSourceRoots().forEach(r -> roots.add(Path.of(r)));
    for (Resource resource : project.getTestResources()) {
      roots.add(project.getBasedir().toPath().resolve(resource.getDirectory()));
    }
    return roots;
  }
}
