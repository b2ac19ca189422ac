package dev.keyaudit.scanner.finding;

import java.io.IOException;

/**
 * A baseline file that is not JSON, not a KeyAudit baseline, or of a format version we cannot read.
 */
public final class InvalidBaselineException extends IOException {
  private static final long serialVersionUID = 1L;

  public InvalidBaselineException(String message) {
    super(message);
  }

  public InvalidBaselineException(String message, Throwable cause) {
    super(message, cause);
  }
}
