package dev.keyaudit.maven;

import dev.keyaudit.scanner.scan.ScanRequest.DependencyMode;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.DefaultDependencyResolutionRequest;
import org.apache.maven.project.DependencyResolutionException;
import org.apache.maven.project.DependencyResolutionResult;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.ProjectDependenciesResolver;
import org.eclipse.aether.graph.Dependency;
import org.eclipse.aether.graph.DependencyFilter;

/**
 * The jars of a module's runtime classpath ({@code compile} and {@code runtime} scope,
 * transitively), resolved only when a scan asks for them, so a build that does not scan
 * dependencies never resolves for KeyAudit. Stateless apart from Maven's resolver, which is
 * thread-safe; one request per call.
 */
final class RuntimeDependencies {

  private static final Set<String> RUNTIME_SCOPES = Set.of("compile", "runtime");

  private static final DependencyFilter RUNTIME =
      (node, parents) ->
          node.getDependency() != null && RUNTIME_SCOPES.contains(node.getDependency().getScope());

  private final ProjectDependenciesResolver resolver;
  private final MavenSession session;

  RuntimeDependencies(ProjectDependenciesResolver resolver, MavenSession session) {
    this.resolver = resolver;
    this.session = session;
  }

  /** Maps the {@code dependencies} parameter: {@code report}, {@code warn} or {@code ignore}. */
  static DependencyMode mode(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    return switch (v) {
      case "", "report" -> DependencyMode.REPORT;
      case "warn" -> DependencyMode.WARN;
      case "ignore" -> DependencyMode.IGNORE;
      default ->
          throw new IllegalArgumentException(
              "dependencies must be report, warn or ignore, not '" + value.trim() + "'");
    };
  }

  /**
   * The files of the module's runtime dependencies, in resolution order; a reactor sibling that is
   * not packaged yet counts with its classes folder.
   *
   * @throws DependencyResolutionException when Maven cannot resolve them
   */
  List<Path> of(MavenProject project) throws DependencyResolutionException {
    DefaultDependencyResolutionRequest request =
        new DefaultDependencyResolutionRequest(project, session.getRepositorySession());
    request.setResolutionFilter(RUNTIME);
    DependencyResolutionResult result = resolver.resolve(request);
    List<Path> files = new ArrayList<>();
    for (Dependency dependency : result.getDependencies()) {
      File file = dependency.getArtifact() == null ? null : dependency.getArtifact().getFile();
      if (file != null && RUNTIME_SCOPES.contains(dependency.getScope())) {
        Path path = file.toPath().toAbsolutePath().normalize();
        if (!files.contains(path)) {
          files.add(path);
        }
      }
    }
    return List.copyOf(files);
  }
}
