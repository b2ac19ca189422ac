package dev.keyaudit.rules.policy;

import java.util.Objects;

/**
 * A policy value and the document it comes from, e.g. 2048 from "NIST SP 800-131A Rev. 2, Table 2".
 * Violations quote both.
 */
public record Threshold<T>(T value, String source) implements java.io.Serializable {
  public Threshold {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(source, "source");
  }

  /** {@code requirement} followed by the source in parentheses. */
  public String cite(String requirement) {
    return requirement + " (" + source + ")";
  }
}
