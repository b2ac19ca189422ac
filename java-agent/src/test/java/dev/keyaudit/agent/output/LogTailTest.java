package dev.keyaudit.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The last line of a log, read from its end, agrees with reading every line. */
class LogTailTest {

  @TempDir Path dir;

  private String tailOf(String content) throws Exception {
    Path file = Files.writeString(dir.resolve("log.jsonl"), content, StandardCharsets.UTF_8);
    return LogTail.lastLine(file);
  }

  @Test
  void aLastLineLongerThanOneBlockWithBlankLinesAfterIt() throws Exception {
    String last = "{\"v\":\"" + "é".repeat(9_000) + "\"}"; // 18 KB of two-byte characters
    assertThat(tailOf("{\"first\":1}\n" + last + "\n\n  \n")).isEqualTo(last);
  }

  @Test
  void oneLineWithoutLineBreakAndWindowsLineBreaks() throws Exception {
    assertThat(tailOf("{\"only\":1}")).isEqualTo("{\"only\":1}");
    assertThat(tailOf("{\"a\":1}\r\n{\"b\":2}\r\n")).isEqualTo("{\"b\":2}");
  }

  @Test
  void manyLinesGiveTheLastOneAndBlankFilesNone() throws Exception {
    StringBuilder log = new StringBuilder();
    for (int i = 1; i <= 5_000; i++) {
      log.append("{\"event.sequence\":").append(i).append("}\n");
    }
    assertThat(tailOf(log.toString())).isEqualTo("{\"event.sequence\":5000}");
    assertThat(tailOf("")).isNull();
    assertThat(tailOf("\n \n\r\n")).isNull();
  }
}
