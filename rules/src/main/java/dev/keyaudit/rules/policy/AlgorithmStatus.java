package dev.keyaudit.rules.policy;

import java.util.Locale;

/**
 * Approval status, in SP 800-131A's words. Key generation applies protection, so "legacy-use"
 * (process existing data only) is not a status here: for new keys it is disallowed.
 */
public enum AlgorithmStatus {
  ACCEPTABLE,
  DEPRECATED,
  DISALLOWED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static AlgorithmStatus parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
