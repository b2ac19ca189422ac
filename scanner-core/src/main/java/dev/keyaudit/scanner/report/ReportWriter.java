package dev.keyaudit.scanner.report;

import dev.keyaudit.scanner.scan.ScanResult;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Turns a scan result into one report format. A writer only reports: it never re-judges, filters or
 * re-orders by its own criteria, and prints nothing but what the result holds (violation messages
 * and properties are already masked), so no secret can reach a report through it.
 */
public interface ReportWriter {

  /** The name users pass to {@code --format}, e.g. "sarif". */
  String format();

  /** e.g. "keyaudit.sarif". */
  String defaultFileName();

  /** Writes the report as UTF-8. Does not close {@code out}. */
  void write(ScanResult result, ReportContext context, OutputStream out) throws IOException;
}
