package dev.keyaudit.agenttest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a fixture application in a new JVM — the same {@code java.home} as the tests, so the suite
 * covers JDK 17 and 25 by running under each — with the real shaded agent jar.
 */
final class ForkedJvm {

  /** What the forked JVM did. */
  record Result(int exitCode, String stdout, String stderr) {}

  private ForkedJvm() {}

  static Path agentJar() {
    String jar = System.getProperty("keyaudit.agent.jar");
    assertThat(jar).as("system property keyaudit.agent.jar (set by failsafe)").isNotNull();
    Path p = Path.of(jar);
    assertThat(p).exists();
    return p;
  }

  static Path java() {
    return Path.of(System.getProperty("java.home"), "bin", "java");
  }

  static String classpath() {
    return System.getProperty("keyaudit.test.classes", "target/test-classes");
  }

  /** Runs {@code mainClass} with {@code -javaagent:jar=agentOptions} (none when null). */
  static Result run(
      Path dir, String agentOptions, List<String> jvmArgs, String mainClass, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(java().toString());
    if (agentOptions != null) {
      cmd.add("-javaagent:" + agentJar() + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
    }
    cmd.addAll(jvmArgs);
    cmd.add("-cp");
    cmd.add(classpath());
    cmd.add(mainClass);
    cmd.addAll(List.of(args));
    return exec(dir, cmd, 120);
  }

  static Result exec(Path dir, List<String> cmd, int timeoutSeconds)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    Process p =
        new ProcessBuilder(cmd)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + cmd + "\n" + Files.readString(err));
    }
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  /** The line of {@code // mark: name} in a fixture source file. */
  static int markedLine(String fixture, String mark) throws IOException {
    Path src = Path.of("src/test/java/example/app/" + fixture + ".java");
    List<String> lines = Files.readAllLines(src);
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).contains("// mark: " + mark)) {
        return i + 1;
      }
    }
    throw new AssertionError("no mark " + mark + " in " + src);
  }
}
