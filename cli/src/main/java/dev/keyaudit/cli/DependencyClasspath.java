package dev.keyaudit.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The dependency jars a scan adds with {@code --classpath-file} (a classpath as {@code mvn
 * dependency:build-classpath} writes it: entries separated by the path separator or new lines) or
 * {@code --include-dependencies} (runs that goal in each scanned Maven project).
 */
final class DependencyClasspath {

  private DependencyClasspath() {}

  /** The existing archives a classpath file names, in order, without duplicates. */
  static List<Path> read(Path classpathFile) throws IOException {
    Set<Path> jars = new LinkedHashSet<>();
    String text = Files.readString(classpathFile);
    for (String entry : text.split("[" + File.pathSeparator + "\\r\\n]+")) {
      String trimmed = entry.trim();
      String lower = trimmed.toLowerCase(Locale.ROOT);
      if (!trimmed.isEmpty()
          && (lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".zip"))) {
        Path jar = Path.of(trimmed);
        if (Files.isRegularFile(jar)) {
          jars.add(jar.toAbsolutePath().normalize());
        }
      }
    }
    return new ArrayList<>(jars);
  }

  /** Resolves the runtime dependencies of the Maven project in {@code project} with {@code mvn}. */
  static List<Path> resolve(Path project) throws IOException, InterruptedException {
    if (!Files.isRegularFile(project.resolve("pom.xml"))) {
      throw new IllegalArgumentException(
          "--include-dependencies needs a Maven project (no pom.xml in " + project + ")");
    }
    Path out = Files.createTempFile("keyaudit-classpath", ".txt");
    try {
      Process mvn =
          new ProcessBuilder(
                  "mvn",
                  "-B",
                  "-q",
                  "dependency:build-classpath",
                  "-Dmdep.includeScope=runtime",
                  "-Dmdep.outputFile=" + out)
              .directory(project.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!mvn.waitFor(10, TimeUnit.MINUTES) || mvn.exitValue() != 0) {
        mvn.destroyForcibly();
        throw new IOException(
            "mvn dependency:build-classpath failed in " + project + " (use --classpath-file)");
      }
      return read(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
