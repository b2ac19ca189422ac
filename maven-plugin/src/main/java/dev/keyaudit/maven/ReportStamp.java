package dev.keyaudit.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Remembers which reports were written from which cached scan, so a build whose scan was reused
 * does not write the same reports again (loading the rule catalog and the policies for that is most
 * of what a cache hit used to cost). The stamp names the cache file's size and time, the SARIF
 * category, and each report's name, size and time; any difference, a missing report, or a report
 * touched since, means "write them again".
 */
final class ReportStamp {

  static final String FILE_NAME = "reports.stamp";
  private static final String FORMAT = "keyaudit-report-stamp/1";

  private final Path directory;
  private final Path cacheFile;
  private final String category;
  private final List<Path> reports;

  /**
   * @param directory the output directory holding the reports and the stamp
   * @param cacheFile the scan cache file the result came from
   * @param category the SARIF category the reports were written with
   * @param reports the report files the current formats write
   */
  ReportStamp(Path directory, Path cacheFile, String category, List<Path> reports) {
    this.directory = directory;
    this.cacheFile = cacheFile;
    this.category = category;
    this.reports = List.copyOf(reports);
  }

  /** Whether the reports on disk were written from the current cache entry and are untouched. */
  boolean current() {
    Path stamp = directory.resolve(FILE_NAME);
    try {
      return Files.isRegularFile(stamp)
          && Files.readString(stamp, StandardCharsets.UTF_8).equals(describe());
    } catch (IOException e) {
      return false;
    }
  }

  /** Records the reports just written; a failure only costs a rewrite next time. */
  void record() {
    Path stamp = directory.resolve(FILE_NAME);
    try {
      Files.writeString(stamp, describe(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      try {
        Files.deleteIfExists(stamp);
      } catch (IOException ignored) {
        // nothing else to do: an unreadable stamp is never current
      }
    }
  }

  /** Forgets the reports, so that the next build writes them. */
  void clear() {
    try {
      Files.deleteIfExists(directory.resolve(FILE_NAME));
    } catch (IOException e) {
      // a stamp that cannot be deleted will not match the new reports either
    }
  }

  private String describe() throws IOException {
    List<String> lines = new ArrayList<>();
    lines.add(FORMAT);
    lines.add("cache " + attributes(cacheFile));
    lines.add("category " + category);
    for (Path report : reports) {
      lines.add("report " + report.getFileName() + " " + attributes(report));
    }
    return String.join("\n", lines) + "\n";
  }

  private static String attributes(Path file) throws IOException {
    BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
    return a.size() + " " + a.lastModifiedTime().toMillis();
  }
}
