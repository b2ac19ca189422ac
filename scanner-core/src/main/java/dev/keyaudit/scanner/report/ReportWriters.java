package dev.keyaudit.scanner.report;

import java.util.List;

/** The built-in report writers, listed explicitly. */
public final class ReportWriters {

  private static final List<ReportWriter> BUILT_IN =
      List.of(new SarifReportWriter(), new TextReportWriter(), new JsonReportWriter());

  private ReportWriters() {}

  /** Every format name, in the order the CLI's help should list them. */
  public static List<String> formats() {
    return BUILT_IN.stream().map(ReportWriter::format).toList();
  }

  public static List<ReportWriter> all() {
    return BUILT_IN;
  }

  /**
   * The writer for a format name (case-insensitive).
   *
   * @throws IllegalArgumentException naming the known formats
   */
  public static ReportWriter byFormat(String format) {
    return BUILT_IN.stream()
        .filter(w -> w.format().equalsIgnoreCase(format.trim()))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "unknown report format '"
                        + format
                        + "'; known formats: "
                        + String.join(", ", formats())));
  }
}
