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

  private static final Pattern TEST_PATH =
      Pattern.compile(
          "(^|/)(src/(test|it|testFixtures|integrationTest)[^/]*|test|tests|testdata|test-data)/");
  private static final Pattern EXAMPLE_PATH =
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
    if (TEST_PATH.matcher(relativePath).find()) {
      return TEST;
    }
    return EXAMPLE_PATH.matcher(relativePath).find() ? EXAMPLE : MAIN;
  }
}
