package dev.keyaudit.rules.model;

import java.util.Objects;

/**
 * Where a fact was seen: a path relative to the scan root (always with {@code /} separators) and a
 * 1-based region. Columns are 1-based; {@code endColumn} is exclusive as in SARIF; 0 means unknown.
 *
 * <p>For entries inside archives the path names the archive first, then {@code !/} and the entry
 * (e.g. {@code lib/app.jar!/com/acme/Keys.class}).
 */
public record Location(String path, int startLine, int startColumn, int endLine, int endColumn) {

  public Location {
    Objects.requireNonNull(path, "path");
    if (startLine < 0 || startColumn < 0 || endLine < 0 || endColumn < 0) {
      throw new IllegalArgumentException("negative position in " + path);
    }
  }

  /** A location that only knows its line. */
  public static Location line(String path, int line) {
    return new Location(path, line, 0, line, 0);
  }

  /** A whole-file location (line unknown). */
  public static Location file(String path) {
    return new Location(path, 0, 0, 0, 0);
  }

  public boolean hasLine() {
    return startLine > 0;
  }

  @Override
  public String toString() {
    return hasLine() ? path + ":" + startLine : path;
  }
}
