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
    String previous = HashChain.GENESIS;
    for (int i = 0; i < lines.size(); i++) {
      assertThat(lines.get(i)).contains("\"event.sequence\":" + (i + 1) + ",");
      assertThat(lines.get(i)).endsWith("\"prev_hash\":\"" + previous + "\"}");
      previous = chain.hash(lines.get(i));
    }
  }

  @Test
  void queuedEventsWaitForTheFlushIntervalAndCloseWritesThem() throws Exception {
    EventLog log = EventLog.open(dir.resolve("slow.jsonl").toString(), 16, err).flushEvery(1_000);
    log.start();
    Thread.sleep(300); // the writer has found the queue empty and sleeps for the interval
    log.offer(record("a"));
    Thread.sleep(100); // with the 20 ms default the event would be written by now
    assertThat(log.written()).isZero();
    log.close(null, 5_000);
    assertThat(log.written()).isEqualTo(1);
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
  void nonAsciiValuesAreWrittenAsUtf8AndChainedOnTheBytesWritten() throws Exception {
    Path file = dir.resolve("utf8.jsonl");
    String tenant = "müller-\u00e9\u4e2d\ud83d\udd11"; // Latin-1, CJK, a surrogate pair
    EventLog log = EventLog.open(file.toString(), 16, err);
    log.start();
    log.offer(new SimpleRecord("a").with(j -> j.put("organization.id", tenant)));
    log.offer(record("b"));
    log.close(null, 5_000);
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    assertThat(lines.get(0)).contains("\"organization.id\":\"" + tenant + "\"");
    assertThat(lines.get(1)).contains(new HashChain(HashChain.GENESIS).hash(lines.get(0)));
  }

  @Test
  void jsonBytesAreTheUtf8OfTheTextForEveryKindOfChar() {
    String value = "a\u00ff\u0800\uffff\ud800\udc00 lone \ud800 end";
    JsonLine json = new JsonLine().put("v", value).end();
    byte[] expected =
        ("{\"v\":\"" + value.replace("\ud800 ", "? ") + "\"}").getBytes(StandardCharsets.UTF_8);
    assertThat(java.util.Arrays.copyOf(json.bytes(), json.length())).isEqualTo(expected);
    // the buffer is reused: a long line grows it, the next one starts clean
    json.reset().put("long", "x".repeat(10_000)).end();
    assertThat(json.length()).isEqualTo(10_000 + "{\"long\":\"\"}".length());
    assertThat(json.reset().put("n", 1).build()).isEqualTo("{\"n\":1}");
  }

  @Test
  void aWriteFailureCountsEveryUnwrittenEventAsLost() throws Exception {
    java.io.OutputStream failing =
        new java.io.OutputStream() {
          @Override
          public void write(int b) throws java.io.IOException {
            throw new java.io.IOException("disk full");
          }

          @Override
          public void write(byte[] b, int off, int len) throws java.io.IOException {
            throw new java.io.IOException("disk full");
          }
        };
    EventLog log = EventLog.to(failing, 64, err);
    for (int i = 0; i < 10; i++) {
      assertThat(log.offer(record("e" + i))).isTrue(); // queued before the writer starts
    }
    log.start();
    log.close(null, 5_000);
    assertThat(log.written()).isZero();
    assertThat(log.lost()).isEqualTo(10);
    assertThat(log.offer(record("after"))).isFalse();
    assertThat(log.lost()).isEqualTo(11);
    assertThat(diagnostics.toString(StandardCharsets.UTF_8))
        .contains("event log stopped: java.io.IOException: disk full");
  }

  @Test
  void jsonEscapesControlCharactersAndQuotes() {
    String line = new JsonLine().put("a", "x\"y\\z\n\u0001").put("n", 3).build();
    assertThat(line).isEqualTo("{\"a\":\"x\\\"y\\\\z\\n\\u0001\",\"n\":3}");
  }
}
