package dev.keyaudit.maven;

import dev.keyaudit.scanner.scan.PathFilter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What to scan of one module: its whole folder — sources, resources, and the manifests beside them
 * (the frontends pick the files they read) — plus its compiled classes, less its child modules, the
 * rest of its build directory, and its test folders when tests are excluded. Reports are relative
 * to the reactor root, so the user's module-relative globs get the module's prefix. Dependency jars
 * are not among these paths: they travel apart in the request and are only let through the filter.
 *
 * @param paths the folders to walk
 * @param includes root-relative include globs
 * @param excludes root-relative exclude globs
 * @param classOutputs the class folders among {@code paths}, root-relative with {@code /}
 */
record ModuleInputs(
    List<Path> paths, List<String> includes, List<String> excludes, List<String> classOutputs) {

  /**
   * @param root the scan root; reports and baselines use paths relative to it
   * @param basedir the module's folder
   * @param buildDirectory the module's build output ({@code target})
   * @param childModules the {@code <modules>} entries, relative to {@code basedir}
   * @param testRoots test source and resource folders, absolute
   * @param classDirs compiled class folders to scan ({@code target/classes}, and {@code
   *     target/test-classes} when tests are included); missing ones are left out
   * @param dependencies dependency jars scanned beside the module; only let through the filter
   */
  static ModuleInputs of(
      Path root,
      Path basedir,
      Path buildDirectory,
      List<String> childModules,
      List<Path> testRoots,
      boolean includeTests,
      List<String> includes,
      List<String> excludes,
      List<Path> classDirs,
      List<Path> dependencies) {
    String prefix = relative(root, basedir);
    List<Path> classes =
        classDirs.stream()
            .map(p -> p.toAbsolutePath().normalize())
            .filter(Files::isDirectory)
            .distinct()
            .toList();
    List<String> allExcludes = new ArrayList<>();
    for (String module : childModules) {
      allExcludes.add(underModule(prefix, module.replace('\\', '/')) + "/**");
    }
    Path build = buildDirectory.toAbsolutePath().normalize();
    if (build.startsWith(basedir)) {
      allExcludes.addAll(buildOutputExcludes(root, build, classes));
    }
    if (!includeTests) {
      testRoots.stream()
          .map(p -> p.toAbsolutePath().normalize())
          .filter(p -> p.startsWith(root))
          .forEach(p -> allExcludes.add(relative(root, p) + "/**"));
    }
    excludes.forEach(glob -> allExcludes.add(userGlob(prefix, glob)));
    List<String> allIncludes = new ArrayList<>();
    includes.forEach(glob -> allIncludes.add(userGlob(prefix, glob)));
    if (!allIncludes.isEmpty()) {
      // The user's includes narrow the module's own files; compiled classes and dependencies
      // were asked for separately and stay in.
      classes.forEach(dir -> allIncludes.add(escape(relative(root, dir)) + "/**"));
      dependencies.forEach(jar -> allIncludes.add(escape(relative(root, jar))));
    }
    List<Path> paths = new ArrayList<>();
    paths.add(basedir);
    paths.addAll(classes);
    return new ModuleInputs(
        List.copyOf(paths),
        List.copyOf(allIncludes),
        List.copyOf(allExcludes),
        classes.stream().map(dir -> relative(root, dir)).toList());
  }

  PathFilter filter() {
    return PathFilter.of(includes, excludes);
  }

  /**
   * Excludes everything in the build directory except the class folders to scan: the whole
   * directory when none lies inside it, else each entry beside the path down to them.
   */
  private static List<String> buildOutputExcludes(Path root, Path build, List<Path> keep) {
    List<Path> inside = keep.stream().filter(dir -> dir.startsWith(build)).toList();
    List<String> out = new ArrayList<>();
    if (inside.isEmpty() || !Files.isDirectory(build)) {
      out.add(relative(root, build) + "/**");
      return out;
    }
    excludeBeside(root, build, inside, out);
    return out;
  }

  private static void excludeBeside(Path root, Path dir, List<Path> keep, List<String> out) {
    List<Path> children;
    try (Stream<Path> list = Files.list(dir)) {
      children = list.sorted().toList();
    } catch (IOException e) {
      return; // an unreadable folder is reported by the walk itself
    }
    for (Path child : children) {
      if (keep.contains(child)) {
        continue;
      }
      if (keep.stream().anyMatch(k -> k.startsWith(child))) {
        excludeBeside(root, child, keep, out);
      } else {
        String rel = escape(relative(root, child));
        out.add(Files.isDirectory(child) ? rel + "/**" : rel);
      }
    }
  }

  /** A glob the user wrote relative to the module; one starting with ** matches anywhere. */
  private static String userGlob(String prefix, String glob) {
    String g = glob.trim().replace('\\', '/');
    return g.startsWith("**/") ? g : underModule(prefix, g);
  }

  private static String underModule(String prefix, String path) {
    return prefix.isEmpty() ? path : prefix + "/" + path;
  }

  /** A path as a glob that matches just that path. */
  private static String escape(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (char c : path.toCharArray()) {
      if ("*?[]{}\\".indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String relative(Path root, Path path) {
    Path p = path.toAbsolutePath().normalize();
    return (p.startsWith(root) ? root.relativize(p) : p).toString().replace('\\', '/');
  }
}
