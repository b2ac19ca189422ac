package dev.keyaudit.scanner.scan;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to scan and how. Build one with {@link #builder(List)}; the CLI and the Maven plugin only
 * map their options onto it.
 *
 * @param paths files or folders to scan
 * @param root the folder report paths are relative to (usually the project or repository root)
 * @param policy built-in policy id or path to a policy file
 * @param targetJdk the JDK release the code runs on; 0 means "detect from the build, else 17"
 * @param baseline accepted-findings file, or null
 * @param threads worker threads (at least 1)
 * @param filter include/exclude globs
 * @param progress receives progress messages (the CLI prints them on stderr), never null
 * @param dependencies third-party jars scanned beside {@code paths} (a project's resolved runtime
 *     classpath); their findings are judged under {@code dependencyMode}
 * @param dependencyMode how findings inside {@code dependencies} count
 */
public record ScanRequest(
    List<Path> paths,
    Path root,
    String policy,
    int targetJdk,
    Path baseline,
    int threads,
    PathFilter filter,
    Progress progress,
    List<Path> dependencies,
    DependencyMode dependencyMode) {

  public ScanRequest {
    paths = List.copyOf(paths);
    dependencies = List.copyOf(dependencies);
    Objects.requireNonNull(dependencyMode, "dependencyMode");
    Objects.requireNonNull(root, "root");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(filter, "filter");
    Objects.requireNonNull(progress, "progress");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be >= 1");
    }
  }

  /** Receives human-readable progress; implementations must be cheap and thread-safe. */
  @FunctionalInterface
  public interface Progress {
    Progress SILENT = message -> {};

    void report(String message);
  }

  /** Everything the walk visits: {@code paths}, then {@code dependencies} unless ignored. */
  public List<Path> walkedPaths() {
    if (dependencyMode == DependencyMode.IGNORE || dependencies.isEmpty()) {
      return paths;
    }
    var all = new java.util.ArrayList<Path>(paths);
    all.addAll(dependencies);
    return List.copyOf(all);
  }

  /**
   * How findings in third-party code count: the {@code dependencies} jars, and the libraries a
   * scanned fat jar, war or ear bundles ({@code BOOT-INF/lib}, {@code WEB-INF/lib}, {@code lib}).
   */
  public enum DependencyMode {
    /** Reported like the project's own findings. */
    REPORT,
    /**
     * Reported, but never above warning level, so {@code --fail-on error} does not fail on them
     * (the default: visible evidence, without a build the project cannot fix by editing code).
     */
    WARN,
    /** Not scanned ({@code dependencies}) or not reported (bundled libraries). */
    IGNORE
  }

  public static Builder builder(List<Path> paths) {
    return new Builder(paths);
  }

  /**
   * Defaults: root = the single folder scanned (else the working directory), default policy,
   * dependency findings capped at warning ({@link DependencyMode#WARN}).
   */
  public static final class Builder {
    private final List<Path> paths;
    private Path root;
    private String policy = "nist-800-131a";
    private int targetJdk;
    private Path baseline;
    private int threads = Runtime.getRuntime().availableProcessors();
    private PathFilter filter = PathFilter.all();
    private Progress progress = Progress.SILENT;
    private List<Path> dependencies = List.of();
    private DependencyMode dependencyMode = DependencyMode.WARN;

    private Builder(List<Path> paths) {
      if (paths.isEmpty()) {
        throw new IllegalArgumentException("nothing to scan: give at least one path");
      }
      this.paths = List.copyOf(paths);
    }

    public Builder root(Path root) {
      this.root = root;
      return this;
    }

    public Builder policy(String policy) {
      this.policy = policy;
      return this;
    }

    public Builder targetJdk(int targetJdk) {
      this.targetJdk = targetJdk;
      return this;
    }

    public Builder baseline(Path baseline) {
      this.baseline = baseline;
      return this;
    }

    public Builder threads(int threads) {
      this.threads = threads;
      return this;
    }

    public Builder filter(PathFilter filter) {
      this.filter = filter;
      return this;
    }

    public Builder progress(Progress progress) {
      this.progress = progress;
      return this;
    }

    public Builder dependencies(List<Path> dependencies) {
      this.dependencies = List.copyOf(dependencies);
      return this;
    }

    public Builder dependencyMode(DependencyMode dependencyMode) {
      this.dependencyMode = dependencyMode;
      return this;
    }

    public ScanRequest build() {
      Path effectiveRoot = root;
      if (effectiveRoot == null) {
        Path single = paths.get(0).toAbsolutePath().normalize();
        effectiveRoot =
            paths.size() == 1 && java.nio.file.Files.isDirectory(single)
                ? single
                : Path.of("").toAbsolutePath();
      }
      return new ScanRequest(
          paths,
          effectiveRoot.toAbsolutePath().normalize(),
          policy,
          targetJdk,
          baseline,
          threads,
          filter,
          progress,
          dependencies,
          dependencyMode);
    }
  }
}
