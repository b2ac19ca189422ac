package dev.keyaudit.scanner.finding;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The text of the scanned files that have findings, read once per scan and cached: fingerprints and
 * baseline line hashes are computed from it. Paths are relative to the scan root, with {@code /}.
 *
 * <p>A file is "not readable" — and callers fall back to content-independent values — when the path
 * names an archive entry ({@code !/}), leaves the root, does not exist, is larger than {@value
 * #MAX_BYTES} bytes, or fails to read. Bytes are decoded as UTF-8 with malformed input replaced, as
 * the codeql-action does. Thread-safe.
 */
public final class SourceFiles {

  /** Bigger files are not hashed: fingerprinting must not hold a whole artifact in memory. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  private final Path root;
  private final Map<String, Optional<String>> texts = new ConcurrentHashMap<>();
  private final Map<String, Optional<List<String>>> lineHashes = new ConcurrentHashMap<>();

  public SourceFiles(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /** The file's text, or empty when it is not readable (see the class comment). */
  public Optional<String> text(String relativePath) {
    return texts.computeIfAbsent(relativePath, this::read);
  }

  /** {@link LineHashFingerprint#lineHashes} of the file, computed once. */
  public Optional<List<String>> lineHashes(String relativePath) {
    return lineHashes.computeIfAbsent(
        relativePath, path -> text(path).map(LineHashFingerprint::lineHashes));
  }

  /**
   * GitHub's {@code primaryLocationLineHash} for a line of a file (line below 1: line 1), or the
   * {@link LineHashFingerprint#fallback} when the file or the line is not there.
   */
  public String fingerprint(String relativePath, int line) {
    return lineHashes(relativePath)
        .flatMap(hashes -> LineHashFingerprint.pick(hashes, line))
        .orElseGet(() -> LineHashFingerprint.fallback(relativePath, line));
  }

  /** One line's text without its line break (line below 1: line 1), if the file has that line. */
  public Optional<String> line(String relativePath, int line) {
    return text(relativePath).flatMap(text -> nthLine(text, Math.max(1, line)));
  }

  private Optional<String> read(String relativePath) {
    if (relativePath.isEmpty() || relativePath.contains("!/")) {
      return Optional.empty();
    }
    Path file = root.resolve(relativePath).normalize();
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        return Optional.empty();
      }
      return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
    } catch (IOException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** Line breaks are CR, LF or CRLF, as for the line hash. */
  static Optional<String> nthLine(String text, int line) {
    int current = 1;
    int start = 0;
    for (int i = 0; i < text.length() && current < line; i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        current++;
        start = i + 1;
      }
    }
    if (current < line) {
      return Optional.empty();
    }
    int end = start;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return Optional.of(text.substring(start, end));
  }
}
