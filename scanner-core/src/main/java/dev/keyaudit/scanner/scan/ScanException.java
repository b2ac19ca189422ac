package dev.keyaudit.scanner.scan;

/**
 * A scan request that cannot be carried out (e.g. an unreadable baseline); the message says why.
 */
public final class ScanException extends RuntimeException {
  public ScanException(String message, Throwable cause) {
    super(message, cause);
  }
}
