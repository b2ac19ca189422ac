package dev.keyaudit.cli;

import dev.keyaudit.scanner.finding.Baseline;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** {@code --update-baseline}: accept every current finding (waived ones are not written). */
final class BaselineUpdate {
  private BaselineUpdate() {}

  static void write(ScanResult result, Path file, PrintWriter progress) throws IOException {
    Baseline.write(result, file);
    if (progress != null) {
      long accepted = result.findings().stream().filter(f -> f.suppression() == null).count();
      progress.println("keyaudit: wrote " + accepted + " accepted finding(s) to " + file);
      progress.flush();
    }
  }
}
