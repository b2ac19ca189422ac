package dev.keyaudit.scanner.scan;

/**
 * Something the scanner could not do: a file it could not read or parse, an input it skipped. Shown
 * as SARIF {@code toolExecutionNotifications} and as a line in the text report; never silent.
 *
 * @param level "error" (input lost), "warning" (input partly read) or "note"
 * @param path relative path of the input, or "" for scan-wide notes
 * @param line 1-based line, 0 when unknown
 */
public record Notification(String level, String path, int line, String message) {
  public static Notification error(String path, int line, String message) {
    return new Notification("error", path, line, message);
  }

  public static Notification warning(String path, int line, String message) {
    return new Notification("warning", path, line, message);
  }
}
