package dev.keyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code keyaudit verify-log} exit codes on a real agent log, a tampered copy and no file. */
class VerifyLogCommandTest {

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();

  private int run(Path file) {
    CommandLine cli = new CommandLine(new VerifyLogCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(file.toString());
  }

  private Path agentLog() throws Exception {
    Path file = dir.resolve("events.jsonl");
    try (InputStream in = getClass().getResourceAsStream("/dev/keyaudit/cli/agent-events.jsonl")) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Test
  void intactLogExitsZero() throws Exception {
    assertThat(run(agentLog())).isZero();
    assertThat(out.toString()).contains("intact (7 lines");
  }

  @Test
  void tamperedLogExitsOneAndNamesTheLine() throws Exception {
    Path file = agentLog();
    String text = Files.readString(file, StandardCharsets.UTF_8);
    Files.writeString(file, text.replace("\"crypto.key.size\":1024", "\"crypto.key.size\":4096"));
    assertThat(run(file)).isEqualTo(1);
    assertThat(out.toString()).contains("BROKEN at line 7");
  }

  @Test
  void missingFileExitsTwo() {
    assertThat(run(dir.resolve("nope.jsonl"))).isEqualTo(2);
  }
}
