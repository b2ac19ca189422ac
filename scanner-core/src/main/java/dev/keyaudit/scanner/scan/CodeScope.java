package dev.keyaudit.scanner.scan;

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

  public static CodeScope of(String relativePath) {
    if (TEST_SOURCES.matcher(relativePath).find()) {
      return TEST;
    }
    // Folder names are judged only outside source trees: com/example/ or a package named test
    // inside src/main is production code.
    String folders = outsideSourceTree(relativePath);
    if (TEST_DIR.matcher(folders).find()) {
      return TEST;
    }
    return EXAMPLE_DIR.matcher(folders).find() ? EXAMPLE : MAIN;
  }

  private static String outsideSourceTree(String path) {
    if (path.startsWith("src/")) {
      return "";
    }
    int src = path.indexOf("/src/");
    return src < 0 ? path : path.substring(0, src + 1);
  }
}
