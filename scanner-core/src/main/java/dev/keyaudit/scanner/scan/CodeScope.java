package dev.keyaudit.scanner.scan;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a file is production code or configuration, test code, or an example or documentation.
 * Non-production findings are kept, one severity step lower and tagged ({@code test-context},
 * {@code example-context}): test keys are still keys, but not production's, and an example key that
 * is copied into production is the classic way keys leak.
 */
public enum CodeScope {
  MAIN(null),
  TEST("test-context"),
  EXAMPLE("example-context");

  private static final Pattern TEST_SOURCES =
      Pattern.compile("(^|/)src/(test|it|testFixtures|integrationTest)[^/]*/");
  private static final Pattern TEST_DIR = Pattern.compile("(^|/)(test|tests|testdata|test-data)/");
  private static final Pattern EXAMPLE_DIR =
      Pattern.compile("(^|/)(examples?|samples?|demos?|docs?|documentation)/");

  /**
   * Where a tree of compiled or generated code starts: its package folders say nothing of scope.
   */
  private static final Pattern CLASS_TREE =
      Pattern.compile(
          "(^|/)(target/(test-)?classes|target/generated-(test-)?sources/[^/]+"
              + "|build/classes/[^/]+/[^/]+|build/resources/[^/]+"
              + "|out/(production|test)/[^/]+|(WEB|BOOT)-INF/classes)/");

  /** Compiled and generated tests: Maven, Gradle (test source sets) and IntelliJ output folders. */
  private static final Pattern TEST_CLASS_TREE =
      Pattern.compile(
          "(^|/)(target/(test-classes|generated-test-sources)|build/(classes/[^/]+|resources)/"
              + "(test|it|testFixtures|integrationTest)[^/]*|out/test/[^/]+)/");

  /** Test jars by Maven's and Gradle's classifiers, as a scanned archive or one nested in it. */
  private static final Pattern TEST_ARCHIVE =
      Pattern.compile("[^/]-(tests|test-sources|test-fixtures)\\.jar!/");

  private static final Pattern SOURCE_TREE = Pattern.compile("(^|/)src/");
  private static final Pattern ABSOLUTE = Pattern.compile("^(/|[A-Za-z]:/)");

  private final String tag;

  CodeScope(String tag) {
    this.tag = tag;
  }

  /** The tag reports add, or null for production scope. */
  public String tag() {
    return tag;
  }

  /** Findings outside production are reported one severity step lower. */
  public boolean lowersSeverity() {
    return this != MAIN;
  }

  /**
   * The scope of a scan-root-relative path: a source file, a class file in a class folder, or an
   * archive entry ({@code lib/app-tests.jar!/com/acme/KeysTest.class}).
   */
  public static CodeScope of(String relativePath) {
    if (TEST_SOURCES.matcher(relativePath).find()
        || TEST_CLASS_TREE.matcher(relativePath).find()
        || TEST_ARCHIVE.matcher(relativePath).find()) {
      return TEST;
    }
    // Folder names are judged only outside source and class trees and archives: com/example/ or a
    // package named test inside src/main or target/classes is production code.
    String folders = outsideCodeTrees(relativePath);
    if (TEST_DIR.matcher(folders).find()) {
      return TEST;
    }
    return EXAMPLE_DIR.matcher(folders).find() ? EXAMPLE : MAIN;
  }

  /**
   * The folders before the first source tree, class tree or archive entry; none for a path outside
   * the scan root (a dependency jar in the local repository), whose folders the project never
   * chose.
   */
  private static String outsideCodeTrees(String path) {
    if (ABSOLUTE.matcher(path).find()) {
      return "";
    }
    int end = path.length();
    int archive = path.indexOf("!/");
    if (archive >= 0) {
      end = path.lastIndexOf('/', archive) + 1;
    }
    end = Math.min(end, treeStart(SOURCE_TREE, path));
    end = Math.min(end, treeStart(CLASS_TREE, path));
    return path.substring(0, end);
  }

  private static int treeStart(Pattern tree, String path) {
    Matcher m = tree.matcher(path);
    return m.find() ? m.start(1) + (m.group(1).isEmpty() ? 0 : 1) : path.length();
  }
}
