package dev.keyaudit.scanner.cache;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.ScanResult;
import dev.keyaudit.scanner.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Reuses the last scan's result when nothing it depends on has changed (see {@link CacheKey}):
 * build tools re-run a scan on every build, and most builds change nothing a scan reads. Holds one
 * entry, in one JSON file; a missing, unreadable or stale file simply means "scan again". The cache
 * stores only what reports show, so no more of a secret than a report does.
 */
public final class ScanCache {

  /** The file a cache keeps in its folder. */
  public static final String FILE_NAME = "scan-cache.json";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path file;

  /** A cache in {@code directory} (created on first store). */
  public ScanCache(Path directory) {
    this.file = directory.resolve(FILE_NAME);
  }

  /**
   * A scan's result and where it came from.
   *
   * @param reused true when the result was read from the cache instead of scanning
   */
  public record Outcome(ScanResult result, boolean reused) {}

  /**
   * Scans with {@code scanner} unless the stored result has the same key, then stores the new
   * result. Exceptions of the scan itself (bad policy, bad baseline) pass through unchanged.
   */
  public Outcome scan(ScanRequest request, Scanner scanner) {
    String key;
    try {
      key = CacheKey.of(request, scanner);
    } catch (IOException | RuntimeException e) {
      // An input that cannot be hashed cannot be cached; the scan reports it properly.
      return new Outcome(scanner.scan(request), false);
    }
    Optional<ScanResult> cached = read(key);
    if (cached.isPresent()) {
      return new Outcome(cached.get(), true);
    }
    ScanResult result = scanner.scan(request);
    store(key, result);
    return new Outcome(result, false);
  }

  private Optional<ScanResult> read(String key) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      CachedScan stored = JSON.readValue(file.toFile(), CachedScan.class);
      return key.equals(stored.key()) ? Optional.of(stored.result()) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty(); // an old format or a damaged file: scan again
    }
  }

  private void store(String key, ScanResult result) {
    try {
      Files.createDirectories(file.getParent());
      // Write then move, so that a concurrent reader never sees half a file.
      Path temp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
      JSON.writeValue(temp.toFile(), CachedScan.of(key, result));
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException | RuntimeException e) {
      // Not being able to cache only costs time next run; the scan itself succeeded.
    }
  }
}
