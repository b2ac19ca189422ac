package dev.keyaudit.rules.policy;

/**
 * A policy cannot be loaded: unknown id, unreadable file, unknown key, unknown rule, algorithm or
 * curve, a threshold without a source... The message names the file and the key.
 */
public final class PolicyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PolicyException(String message) {
    super(message);
  }

  public PolicyException(String message, Throwable cause) {
    super(message, cause);
  }
}
