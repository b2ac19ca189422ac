package dev.keyaudit.rules.model;

/**
 * Finding severity, mapped one to one onto SARIF {@code level}. Ordered from most to least severe.
 */
public enum Severity {
  ERROR("error"),
  WARNING("warning"),
  NOTE("note");

  private final String sarifLevel;

  Severity(String sarifLevel) {
    this.sarifLevel = sarifLevel;
  }

  public String sarifLevel() {
    return sarifLevel;
  }

  /** One step lower (used for code under test paths); NOTE stays NOTE. */
  public Severity lower() {
    return this == ERROR ? WARNING : NOTE;
  }

  /** True when this is at least as severe as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public static Severity parse(String text) {
    return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
  }
}
