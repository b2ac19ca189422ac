package dev.keyaudit.maven;

import dev.keyaudit.scanner.scan.PathFilter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What to scan of one module: its whole folder — sources, resources, and the manifests beside them
 * (the frontends pick the files they read; build output is never walked) — less its child modules,
 * its build directory, and its test folders when tests are excluded. Reports are relative to the
 * reactor root, so the user's module-relative globs get the module's prefix.
 *
 * @param paths the folders to walk
 * @param includes root-relative include globs
 * @param excludes root-relative exclude globs
 */
record ModuleInputs(List<Path> paths, List<String> includes, List<String> excludes) {

  /**
   * @param root the scan root; reports and baselines use paths relative to it
   * @param basedir the module's folder
   * @param buildDirectory the module's build output ({@code target})
   * @param childModules the {@code <modules>} entries, relative to {@code basedir}
   * @param testRoots test source and resource folders, absolute
   */
  static ModuleInputs of(
      Path root,
      Path basedir,
      Path buildDirectory,
      List<String> childModules,
      List<Path> testRoots,
      boolean includeTests,
      List<String> includes,
      List<String> excludes) {
    String prefix = relative(root, basedir);
    List<String> allExcludes = new ArrayList<>();
    for (String module : childModules) {
      allExcludes.add(underModule(prefix, module.replace('\\', '/')) + "/**");
    }
    if (buildDirectory.toAbsolutePath().normalize().startsWith(basedir)) {
      allExcludes.add(relative(root, buildDirectory) + "/**");
    }
    if (!includeTests) {
      testRoots.stream()
          .map(p -> p.toAbsolutePath().normalize())
          .filter(p -> p.startsWith(root))
          .forEach(p -> allExcludes.add(relative(root, p) + "/**"));
    }
    excludes.forEach(glob -> allExcludes.add(userGlob(prefix, glob)));
    List<String> allIncludes = includes.stream().map(glob -> userGlob(prefix, glob)).toList();
    return new ModuleInputs(List.of(basedir), allIncludes, List.copyOf(allExcludes));
  }

  PathFilter filter() {
    return PathFilter.of(includes, excludes);
  }

  /** A glob the user wrote relative to the module; one starting with ** matches anywhere. */
  private static String userGlob(String prefix, String glob) {
    String g = glob.trim().replace('\\', '/');
    return g.startsWith("**/") ? g : underModule(prefix, g);
  }

  private static String underModule(String prefix, String path) {
    return prefix.isEmpty() ? path : prefix + "/" + path;
  }

  private static String relative(Path root, Path path) {
    return root.relativize(path.toAbsolutePath().normalize()).toString().replace('\\', '/');
  }
}
