package dev.keyaudit.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventLogTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(diagnostics, true, StandardCharsets.UTF_8);

  private static LogRecord record(String action) {
    return new SimpleRecord(action).with(j -> j.put("event.outcome", "success"));
  }

  @Test
  void linesAreNumberedAndChainedAndARestartContinuesTheChain() throws Exception {
    Path file = dir.resolve("events.jsonl");
    for (int run = 0; run < 2; run++) {
      EventLog log = EventLog.open(file.toString(), 16, err);
      log.start();
      log.offer(record("a"));
      log.offer(record("b"));
      log.close(null, 5_000);
    }
    List<String> lines = Files.readAllLines(file);
    assertThat(lines).hasSize(4);
    HashChain chain = new HashChain(HashChain.GENESIS);
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).contains("\"event.sequence\":" + (i + 1) + ",");
      assertThat(lines.get(i)).endsWith("\"prev_hash\":\"" + chain.previous() + "\"}");
      chain.append(lines.get(i));
    }
  }

  @Test
  void aFullQueueDropsAndCountsWithoutBlocking() {
    EventLog log = EventLog.open(dir.resolve("e.jsonl").toString(), 2, err);
    // writer not started: the queue fills deterministically
    assertThat(log.offer(record("1"))).isTrue();
    assertThat(log.offer(record("2"))).isTrue();
    assertThat(log.offer(record("3"))).isFalse();
    assertThat(log.lost()).isEqualTo(1);
  }

  @Test
  void anUnwritableTargetIsReportedOnceAndCountsEventsAsLost() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    EventLog log = EventLog.open(file.resolve("events.jsonl").toString(), 16, err);
    assertThat(log.writes()).isFalse();
    assertThat(log.offer(record("a"))).isFalse();
    assertThat(log.lost()).isEqualTo(1);
    assertThat(diagnostics.toString(StandardCharsets.UTF_8)).contains("cannot write the event log");
  }

  @Test
  void jsonEscapesControlCharactersAndQuotes() {
    String line = new JsonLine().put("a", "x\"y\\z\n\u0001").put("n", 3).build();
    assertThat(line).isEqualTo("{\"a\":\"x\\\"y\\\\z\\n\\u0001\",\"n\":3}");
  }
}
