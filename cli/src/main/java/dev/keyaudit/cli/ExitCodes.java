package dev.keyaudit.cli;

/** The CLI's exit codes; CI systems and the README rely on them. */
final class ExitCodes {
  static final int OK = 0;
  static final int FINDINGS = 1;
  static final int ERROR = 2;

  private ExitCodes() {}
}
