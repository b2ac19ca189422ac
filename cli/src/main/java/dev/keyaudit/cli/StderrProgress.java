package dev.keyaudit.cli;

import dev.keyaudit.scanner.scan.ScanRequest;
import java.io.PrintWriter;

/** Prints scan progress on stderr, so stdout stays clean for reports. */
final class StderrProgress implements ScanRequest.Progress {
  private final PrintWriter err;

  StderrProgress(PrintWriter err) {
    this.err = err;
  }

  @Override
  public synchronized void report(String message) {
    err.println("keyaudit: " + message);
    err.flush();
  }
}
