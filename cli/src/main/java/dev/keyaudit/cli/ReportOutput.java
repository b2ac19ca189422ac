package dev.keyaudit.cli;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.scanner.KeyAuditVersion;
import dev.keyaudit.scanner.report.ReportContext;
import dev.keyaudit.scanner.report.ReportWriter;
import dev.keyaudit.scanner.report.ReportWriters;
import dev.keyaudit.scanner.report.TextReportWriter;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Writes the scan's reports where the options say: one format to stdout or {@code --output FILE};
 * several formats into the {@code --output} folder under each writer's default file name.
 */
final class ReportOutput {

  private final CommandSpec spec;
  private final List<String> formats;
  private final Path output;
  private final String category;
  private final boolean quiet;

  ReportOutput(
      CommandSpec spec, List<String> formats, Path output, String category, boolean quiet) {
    this.spec = spec;
    this.formats = formats.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).distinct().toList();
    this.output = output;
    this.category = category;
    this.quiet = quiet;
    if (this.formats.size() > 1 && output == null) {
      throw new IllegalArgumentException("several formats need --output FOLDER");
    }
    this.formats.forEach(ReportWriters::byFormat); // fail on a bad format before scanning output
  }

  void write(ScanResult result) throws IOException {
    ReportContext context =
        new ReportContext(KeyAuditVersion.get(), RuleCatalog.builtIn().rules())
            .withAutomationCategory(category.endsWith("/") ? category : category + "/")
            .withPolicyTitle(policyTitle(result.policyId()))
            .withWorkingDirectory(Path.of("").toAbsolutePath());
    PrintWriter err = spec.commandLine().getErr();
    for (String format : formats) {
      ReportWriter writer = ReportWriters.byFormat(format);
      if (output == null) {
        var buffer = new ByteArrayOutputStream();
        writer.write(result, context, buffer);
        PrintWriter out = spec.commandLine().getOut();
        out.print(buffer.toString(StandardCharsets.UTF_8));
        out.flush();
        continue;
      }
      Path target = formats.size() > 1 ? output.resolve(writer.defaultFileName()) : output;
      Path parent = target.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      try (OutputStream out = Files.newOutputStream(target)) {
        writer.write(result, context, out);
      }
      if (!quiet) {
        err.println("keyaudit: wrote " + format + " report to " + target);
      }
    }
    if (!quiet && (output != null || !formats.contains("text"))) {
      err.println(TextReportWriter.summaryLine(result));
    }
    err.flush();
  }

  /** Where {@code --explain} goes: stdout unless stdout carries a machine-readable report. */
  static PrintWriter explainStream(CommandSpec spec, List<String> formats, Path output) {
    boolean stdoutIsMachineReadable = output == null && !formats.equals(List.of("text"));
    return stdoutIsMachineReadable ? spec.commandLine().getErr() : spec.commandLine().getOut();
  }

  private static String policyTitle(String policyId) {
    return Policies.builtIn().stream()
        .filter(p -> p.id().equals(policyId))
        .map(p -> p.title())
        .findFirst()
        .orElse(policyId);
  }
}
