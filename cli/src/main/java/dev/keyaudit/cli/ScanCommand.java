package dev.keyaudit.cli;

import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.scan.PathFilter;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.ScanResult;
import dev.keyaudit.scanner.scan.Scanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keyaudit scan PATH...}: maps options onto a {@link ScanRequest} and picks the exit code.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Scan Java sources for key-generation problems and write a report.",
    sortOptions = false)
final class ScanCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to scan.")
  List<Path> paths;

  @Option(
      names = "--policy",
      paramLabel = "ID|FILE",
      description =
          "Built-in policy id or a policy file (default: keyaudit-policy.yaml in the scanned"
              + " folder if present, else ${DEFAULT-VALUE}).",
      defaultValue = "nist-800-131a")
  String policy;

  @Option(
      names = {"-f", "--format"},
      split = ",",
      paramLabel = "FORMAT",
      description = "text, sarif or json; repeat or comma-separate for several (default: text).")
  List<String> formats = new ArrayList<>(List.of("text"));

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the report here (a folder when several formats are given).")
  Path output;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      defaultValue = "error",
      description = "Exit 1 when a finding is at or above: error, warning, note or none.")
  String failOn;

  @Option(
      names = "--target-jdk",
      paramLabel = "N",
      description = "JDK release the code runs on (default: from the project's pom.xml, else 17).")
  int targetJdk;

  @Option(names = "--baseline", paramLabel = "FILE", description = "Accept findings listed here.")
  Path baseline;

  @Option(
      names = "--update-baseline",
      description = "Write every current finding into the --baseline file and exit 0.")
  boolean updateBaseline;

  @Option(
      names = "--include",
      paramLabel = "GLOB",
      description = "Only scan paths matching (repeatable).")
  List<String> includes = new ArrayList<>();

  @Option(names = "--exclude", paramLabel = "GLOB", description = "Skip paths matching.")
  List<String> excludes = new ArrayList<>();

  @Option(
      names = "--explain",
      description = "Also list every check that stayed unresolved, and why.")
  boolean explain;

  @Option(
      names = "--category",
      paramLabel = "NAME",
      defaultValue = "keyaudit",
      description = "SARIF automationDetails category (one per upload in GitHub code scanning).")
  String category;

  @Option(
      names = "--include-dependencies",
      description =
          "Also scan the runtime dependency jars of each scanned Maven project (runs mvn"
              + " dependency:build-classpath).")
  boolean includeDependencies;

  @Option(
      names = "--classpath-file",
      paramLabel = "FILE",
      description =
          "Also scan the jars of this classpath (as mvn dependency:build-classpath writes).")
  Path classpathFile;

  @Option(
      names = "--dependencies",
      paramLabel = "MODE",
      defaultValue = "warn",
      description =
          "How findings in third-party code count (the jars of --include-dependencies or"
              + " --classpath-file, and the libraries a scanned fat jar, war or ear bundles):"
              + " report (as the project's own), warn (at most warning, so --fail-on error"
              + " passes; default) or ignore (not scanned or not reported).")
  String dependencyMode;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress or summary on stderr.")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    Severity threshold = parseFailOn();
    ScanRequest.DependencyMode mode = parseDependencyMode();
    if (updateBaseline && baseline == null) {
      throw new IllegalArgumentException("--update-baseline needs --baseline FILE");
    }
    List<Path> dependencies = new ArrayList<>();
    if (classpathFile != null) {
      dependencies.addAll(DependencyClasspath.read(classpathFile));
    }
    if (includeDependencies && mode != ScanRequest.DependencyMode.IGNORE) {
      for (Path p : paths) {
        dependencies.addAll(DependencyClasspath.resolve(p));
      }
    }
    Path root =
        paths.size() == 1 && java.nio.file.Files.isDirectory(paths.get(0))
            ? paths.get(0)
            : Path.of("");
    ScanRequest request =
        ScanRequest.builder(paths)
            .root(root)
            .dependencies(dependencies)
            .dependencyMode(mode)
            .policy(PolicyChoice.resolve(policy, spec, paths, quiet ? null : err))
            .targetJdk(targetJdk)
            .baseline(updateBaseline ? null : baseline)
            .threads(Math.max(1, threads))
            .filter(PathFilter.of(includes, excludes))
            .progress(quiet ? ScanRequest.Progress.SILENT : new StderrProgress(err))
            .build();
    ScanResult result = new Scanner().scan(request);

    if (updateBaseline) {
      BaselineUpdate.write(result, baseline, quiet ? null : err);
      return ExitCodes.OK;
    }
    new ReportOutput(spec, formats, output, category, quiet).write(result);
    if (explain) {
      new ExplainPrinter(ReportOutput.explainStream(spec, formats, output)).print(result);
    }
    if (threshold == null) {
      return ExitCodes.OK;
    }
    boolean failing =
        result.activeFindings().stream().anyMatch(f -> f.severity().atLeast(threshold));
    return failing ? ExitCodes.FINDINGS : ExitCodes.OK;
  }

  private ScanRequest.DependencyMode parseDependencyMode() {
    try {
      return ScanRequest.DependencyMode.valueOf(dependencyMode.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--dependencies must be report, warn or ignore, not '" + dependencyMode + "'");
    }
  }

  /** null means "none": never fail on findings. */
  private Severity parseFailOn() {
    String level = failOn.trim().toLowerCase(Locale.ROOT);
    if (level.equals("none")) {
      return null;
    }
    try {
      return Severity.parse(level);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--fail-on must be error, warning, note or none, not '" + failOn + "'");
    }
  }
}
