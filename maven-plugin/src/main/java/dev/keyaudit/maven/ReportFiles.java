package dev.keyaudit.maven;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.scanner.KeyAuditVersion;
import dev.keyaudit.scanner.report.ReportContext;
import dev.keyaudit.scanner.report.ReportWriter;
import dev.keyaudit.scanner.report.ReportWriters;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes a module's reports under each writer's default file name ({@code keyaudit.sarif}, …).
 * SARIF is always written: it is what code scanning and IDEs read. Each module's SARIF run gets its
 * own {@code automationDetails} category, so several can be uploaded together.
 */
final class ReportFiles {

  static final String SARIF = "sarif";

  private ReportFiles() {}

  /**
   * The formats to write: SARIF plus the requested ones, lower case, without repeats.
   *
   * @throws IllegalArgumentException for an unknown format, naming the known ones
   */
  static List<String> formats(List<String> requested) {
    Set<String> formats = new LinkedHashSet<>();
    formats.add(SARIF);
    if (requested != null) {
      for (String format : requested) {
        if (!format.isBlank()) {
          formats.add(ReportWriters.byFormat(format).format().toLowerCase(Locale.ROOT));
        }
      }
    }
    return List.copyOf(formats);
  }

  /** SARIF category for a module: "keyaudit/<artifactId>/". */
  static String category(String moduleName) {
    return ReportContext.DEFAULT_CATEGORY + moduleName + "/";
  }

  static ReportContext context(ScanResult result, String category) {
    return new ReportContext(KeyAuditVersion.get(), RuleCatalog.builtIn().rules())
        .withAutomationCategory(category)
        .withPolicyTitle(policyTitle(result.policyId()))
        .withWorkingDirectory(result.root());
  }

  /** The files {@link #write} writes for {@code formats} into {@code directory}. */
  static List<Path> files(List<String> formats, Path directory) {
    return formats.stream()
        .map(f -> directory.resolve(ReportWriters.byFormat(f).defaultFileName()))
        .toList();
  }

  /** Writes every format into {@code directory}; returns the files written. */
  static List<Path> write(ScanResult result, String category, List<String> formats, Path directory)
      throws IOException {
    Files.createDirectories(directory);
    ReportContext context = context(result, category);
    List<Path> written = new ArrayList<>();
    for (String format : formats) {
      ReportWriter writer = ReportWriters.byFormat(format);
      Path target = directory.resolve(writer.defaultFileName());
      try (OutputStream out = Files.newOutputStream(target)) {
        writer.write(result, context, out);
      }
      written.add(target);
    }
    return written;
  }

  /** The SARIF log of one result, in memory (for aggregation). */
  static byte[] sarif(ScanResult result, String category) throws IOException {
    var buffer = new ByteArrayOutputStream();
    ReportWriters.byFormat(SARIF).write(result, context(result, category), buffer);
    return buffer.toByteArray();
  }

  /** The title of a built-in policy (resolving only that one), else the id of a user policy. */
  private static String policyTitle(String policyId) {
    return Policies.builtInIds().contains(policyId) ? Policies.load(policyId).title() : policyId;
  }
}
