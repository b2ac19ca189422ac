package dev.keyaudit.scanner.scan;

import java.util.regex.Pattern;

/**
 * Whether a file is production code or test code. Test code keeps its findings one severity step
 * lower, tagged {@code test-context}: test keys are still keys, but not production's.
 */
public enum CodeScope {
  MAIN,
  TEST;

  private static final Pattern TEST_PATH =
      Pattern.compile("(^|/)src/(test|it|testFixtures|integrationTest)[^/]*/");

  public static CodeScope of(String relativePath) {
    return TEST_PATH.matcher(relativePath).find() ? TEST : MAIN;
  }
}
