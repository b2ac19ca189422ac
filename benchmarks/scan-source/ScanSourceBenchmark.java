import com.github.javaparser.JavaParser;
import com.github.javaparser.ParserConfiguration;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import dev.keyaudit.scanner.source.JavaSourceFrontend;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * The source-scan benchmark: one mode per JVM, so each reports its own peak heap.
 *
 * <pre>
 *   parse DIR THREADS   read and parse every .java file (JavaParser, the frontend's settings)
 *   scan  DIR THREADS   the Java source frontend, resolution engine included
 * </pre>
 *
 * Prints one line: mode, files, lines, seconds, CPU seconds of the JVM, files/s, lines/s, peak heap MB, facts, and a hash
 * of the facts (equal hashes across thread counts: results do not depend on the threads).
 */
public class ScanSourceBenchmark {

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Path root = Path.of(args[1]);
    int threads = Integer.parseInt(args[2]);
    List<Path> paths;
    try (Stream<Path> s = Files.walk(root)) {
      paths = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    long lines = 0;
    for (Path p : paths) {
      lines += Files.readAllLines(p, StandardCharsets.ISO_8859_1).size();
    }
    resetPeaks();
    long cpuStart = processCpuNanos();
    long start = System.nanoTime();
    long facts = 0;
    long hash = 0;
    if (mode.equals("parse")) {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      List<Future<Integer>> parsed = new ArrayList<>();
      for (Path p : paths) {
        parsed.add(
            pool.submit(
                () -> {
                  String text = Files.readString(p, StandardCharsets.UTF_8);
                  ParserConfiguration config =
                      new ParserConfiguration()
                          .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
                          .setLexicalPreservationEnabled(false);
                  return new JavaParser(config).parse(text).getResult().isPresent() ? 1 : 0;
                }));
      }
      for (Future<Integer> f : parsed) {
        facts += f.get();
      }
      pool.shutdown();
    } else {
      List<InputFile> files = new ArrayList<>();
      for (Path p : paths) {
        files.add(new InputFile(p, root.relativize(p).toString().replace('\\', '/')));
      }
      List<String> out = new ArrayList<>();
      new JavaSourceFrontend()
          .analyze(
              files,
              new ScanContext(17, threads),
              new FactSink() {
                public void fact(Fact fact) {
                  out.add(fact.toString());
                }

                public void suppression(Suppression s) {}

                public void notification(Notification n) {}
              });
      facts = out.size();
      hash = out.hashCode();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
    System.out.printf(
        "%s threads=%d files=%d lines=%d seconds=%.2f cpuSeconds=%.2f files/s=%.0f lines/s=%.0f peakHeapMB=%d"
            + " facts=%d factsHash=%08x%n",
        mode,
        threads,
        paths.size(),
        lines,
        seconds,
        cpuSeconds,
        paths.size() / seconds,
        lines / seconds,
        peakHeapMb(),
        facts,
        hash);
  }

  /** CPU time of the whole JVM (GC and JIT included): less disturbed than wall time by load. */
  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static void resetPeaks() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeapMb() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum / (1024 * 1024);
  }
}
