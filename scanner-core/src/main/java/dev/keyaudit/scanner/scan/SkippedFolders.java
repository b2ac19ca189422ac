package dev.keyaudit.scanner.scan;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Which folders a walk leaves out: VCS and tool data everywhere, and build output or installed
 * dependencies ({@code target}, {@code build}, {@code node_modules}) only where they are that —
 * beside a build file or at the top of the scan root. Inside a source tree or a class folder the
 * same names are packages ({@code com.acme.build}), and skipping them would silently lose code.
 */
final class SkippedFolders {

  /** Never inputs, and never package names (a Java package cannot start with a dot). */
  private static final Set<String> TOOL_DATA = Set.of(".git", ".hg", ".svn", ".idea", ".gradle");

  private static final Set<String> BUILD_OUTPUT = Set.of("target", "build", "node_modules");

  /** Files that mark a folder as a project whose {@code target}/{@code build} is its output. */
  private static final List<String> BUILD_FILES =
      List.of(
          "pom.xml",
          "build.gradle",
          "build.gradle.kts",
          "settings.gradle",
          "settings.gradle.kts",
          "build.xml",
          "build.sbt",
          "package.json");

  /** Below these, folder names are packages. */
  private static final Set<String> SOURCE_TREES = Set.of("src");

  private static final Set<String> CLASS_FOLDERS = Set.of("classes", "test-classes");

  /** A scan root with a source or class folder in its path, or named like one, is a code tree. */
  private static final Set<String> SOURCE_ROOT_NAMES = Set.of("java", "kotlin");

  private final Path root;
  private final boolean rootIsCodeTree;

  /**
   * @param root the scan root, absolute and normalised
   */
  SkippedFolders(Path root) {
    this.root = root;
    this.rootIsCodeTree = isCodeTree(root);
  }

  /**
   * Whether the walk that started at {@code start} skips {@code dir} (both absolute and
   * normalised). The start itself is never skipped: a path the user gave is always walked.
   */
  boolean skips(Path start, Path dir) {
    if (dir.equals(start) || dir.getFileName() == null) {
      return false;
    }
    String name = dir.getFileName().toString();
    if (TOOL_DATA.contains(name)) {
      return true;
    }
    if (!BUILD_OUTPUT.contains(name) || insideCodeTree(start, dir)) {
      return false;
    }
    Path parent = dir.getParent();
    return topOfProjectRoot(parent)
        || BUILD_FILES.stream().anyMatch(f -> isFile(parent.resolve(f)));
  }

  /**
   * The top of a scan root holds its build output whatever builds it, unless the root is itself in
   * a source or class tree ({@code src/main/java}, {@code build/classes/java/main}): then its
   * top-level folders are packages. Under {@code ~/src/app} this walks a stray {@code target}
   * rather than lose one; a project with a build file still has its output skipped beside it.
   */
  private boolean topOfProjectRoot(Path parent) {
    return parent.equals(root) && !rootIsCodeTree;
  }

  private static boolean isCodeTree(Path root) {
    Path name = root.getFileName();
    if (name != null && SOURCE_ROOT_NAMES.contains(name.toString())) {
      return true;
    }
    for (Path folder : root) {
      String n = folder.toString();
      if (SOURCE_TREES.contains(n) || CLASS_FOLDERS.contains(n)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Below a {@code src} folder under the start, or in a class folder: the start itself when it is
   * one ({@code target/classes} given explicitly), or one found under it. Folders above the start
   * do not count: {@code ~/src/app/target} is still {@code app}'s build output.
   */
  private static boolean insideCodeTree(Path start, Path dir) {
    if (CLASS_FOLDERS.contains(String.valueOf(start.getFileName()))) {
      return true;
    }
    for (Path folder : start.relativize(dir.getParent())) {
      String name = folder.toString();
      if (SOURCE_TREES.contains(name) || CLASS_FOLDERS.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isFile(Path path) {
    return Files.isRegularFile(path);
  }
}
