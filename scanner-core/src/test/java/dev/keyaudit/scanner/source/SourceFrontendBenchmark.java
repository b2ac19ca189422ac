package dev.keyaudit.scanner.source;

import com.github.javaparser.JavaParser;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Compares the source frontend with a parse-only pass over the same files (the budget is 2x). Not a
 * test: run it by hand on a source tree, e.g. {@code java -cp <test classpath>
 * dev.keyaudit.scanner.source.SourceFrontendBenchmark /path/to/src 5}.
 */
public final class SourceFrontendBenchmark {

  private SourceFrontendBenchmark() {}

  public static void main(String[] args) throws IOException {
    Path root = Path.of(args[0]);
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    List<InputFile> files;
    try (Stream<Path> walk = Files.walk(root)) {
      files =
          walk.filter(p -> p.toString().endsWith(".java"))
              .sorted()
              .map(p -> new InputFile(p, root.relativize(p).toString()))
              .toList();
    }
    List<InputFile> relevant =
        files.stream().filter(f -> ApiMentionFilter.mayMatter(SourceFile.read(f).text())).toList();
    System.out.printf(
        "%d files, %d mention a crypto or random API%n", files.size(), relevant.size());
    for (int round = 0; round < rounds; round++) {
      long parseAll = time(() -> parseOnly(files));
      long parseRelevant = time(() -> parseOnly(relevant));
      CollectingSink sink = new CollectingSink();
      long scan = time(() -> new JavaSourceFrontend().analyze(files, new ScanContext(17, 1), sink));
      System.out.printf(
          "round %d (CPU time): parse-only all %d ms, parse-only relevant %d ms, frontend %d ms"
              + " (%.2fx of parse-only all, %.2fx of parse-only relevant), %d facts, %d notes%n",
          round,
          parseAll,
          parseRelevant,
          scan,
          scan / (double) parseAll,
          scan / (double) parseRelevant,
          sink.facts.size(),
          sink.notifications.size());
    }
  }

  private static void parseOnly(List<InputFile> files) {
    for (InputFile f : files) {
      SourceFile source = SourceFile.read(f);
      new JavaParser(JavaFileAnalyzer.parserConfiguration()).parse(source.text());
    }
  }

  /** Process CPU milliseconds: steadier than wall time on a shared machine. */
  private static long time(Runnable r) {
    var os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    long start = os.getProcessCpuTime();
    r.run();
    return (os.getProcessCpuTime() - start) / 1_000_000;
  }
}
