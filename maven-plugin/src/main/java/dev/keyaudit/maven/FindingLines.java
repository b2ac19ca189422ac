package dev.keyaudit.maven;

import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.scan.ScanResult;
import java.nio.file.Path;

/**
 * Formats findings for the build log as {@code path:line: [KA102] message}, the shape compilers
 * print, so IDE consoles and CI log viewers turn them into links. Paths are relative to the
 * directory Maven runs in when possible (the repository root in CI), else absolute.
 */
final class FindingLines {

  private final Path logBase;

  /**
   * @param logBase the directory paths in the log are relative to
   */
  FindingLines(Path logBase) {
    this.logBase = logBase.toAbsolutePath().normalize();
  }

  String line(ScanResult result, Finding finding) {
    Path file = result.root().resolve(finding.location().path()).normalize();
    String shown =
        (file.startsWith(logBase) ? logBase.relativize(file) : file).toString().replace('\\', '/');
    String place =
        finding.location().hasLine() ? shown + ":" + finding.location().startLine() : shown;
    return place + ": [" + finding.ruleId() + "] " + finding.violation().message();
  }
}
