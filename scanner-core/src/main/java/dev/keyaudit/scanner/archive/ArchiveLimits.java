package dev.keyaudit.scanner.archive;

/**
 * Bounds that keep a hostile archive (zip bomb, deeply nested jars) from exhausting memory or time.
 * Each limit hit becomes a notification; what was read before it is still scanned.
 *
 * @param maxEntries entries per archive, nested ones included
 * @param maxEntryBytes uncompressed size of one entry read into memory
 * @param maxTotalBytes uncompressed bytes read from one top-level archive, nested ones included
 * @param maxDepth nesting depth of archives inside archives (1 = a jar inside the scanned jar)
 */
public record ArchiveLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes, int maxDepth) {

  /** Generous for real artifacts (a 300 MB fat jar), tight enough to stop a zip bomb early. */
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(200_000, 64L << 20, 2L << 30, 4);

  public ArchiveLimits {
    if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < 1 || maxDepth < 0) {
      throw new IllegalArgumentException("archive limits must be positive");
    }
  }
}
