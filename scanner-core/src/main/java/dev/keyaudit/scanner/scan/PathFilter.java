package dev.keyaudit.scanner.scan;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * Include and exclude globs on scan-root-relative paths ({@code **}{@code /generated/**}, {@code
 * src/test/**}). A file is scanned when it matches some include (or there are none) and no exclude.
 */
public final class PathFilter {

  private final List<PathMatcher> includes;
  private final List<PathMatcher> excludes;

  private PathFilter(List<String> includes, List<String> excludes) {
    this.includes = includes.stream().map(PathFilter::glob).toList();
    this.excludes = excludes.stream().map(PathFilter::glob).toList();
  }

  public static PathFilter of(List<String> includes, List<String> excludes) {
    return new PathFilter(includes, excludes);
  }

  public static PathFilter all() {
    return new PathFilter(List.of(), List.of());
  }

  boolean includes(String relativePath) {
    Path p = Path.of(relativePath);
    boolean included = includes.isEmpty() || includes.stream().anyMatch(m -> m.matches(p));
    return included && excludes.stream().noneMatch(m -> m.matches(p));
  }

  boolean excludesDirectory(String relativePath) {
    if (relativePath.isEmpty()) {
      return false;
    }
    Path p = Path.of(relativePath);
    Path withChild = Path.of(relativePath, "x");
    // "dir/**" excludes the folder itself; matching a child path catches that form.
    return excludes.stream().anyMatch(m -> m.matches(p) || m.matches(withChild));
  }

  private static PathMatcher glob(String pattern) {
    // "**/x" should also match "x" at the root, as users of .gitignore-style globs expect.
    String p =
        pattern.startsWith("**/") ? "{" + pattern.substring(3) + "," + pattern + "}" : pattern;
    return FileSystems.getDefault().getPathMatcher("glob:" + p);
  }
}
