package dev.keyaudit.scanner.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The verifier against a log written by the real agent (the agent-demo-service sample, 7 lines:
 * agent-start, 5 key generations, agent-stop), and against tampered copies of it.
 */
class EventLogVerifierTest {

  private final EventLogVerifier verifier = new EventLogVerifier();

  private static List<String> agentLog() throws IOException {
    try (InputStream in = EventLogVerifierTest.class.getResourceAsStream("agent-events.jsonl")) {
      return new ArrayList<>(
          List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")));
    }
  }

  private VerificationResult verify(List<String> lines) throws IOException {
    return verifier.verify(new BufferedReader(new StringReader(String.join("\n", lines) + "\n")));
  }

  @Test
  void theAgentsLogIsIntact() throws IOException {
    VerificationResult r = verify(agentLog());
    assertThat(r.intact()).as(r.problem()).isTrue();
    assertThat(r.lines()).isEqualTo(7);
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void anEditedLineBreaksTheChainAtTheNextLine() throws IOException {
    List<String> lines = agentLog();
    lines.set(5, lines.get(5).replace("\"crypto.key.size\":1024", "\"crypto.key.size\":4096"));
    VerificationResult r = verify(lines);
    assertThat(r.intact()).isFalse();
    assertThat(r.firstBrokenLine()).isEqualTo(7);
    assertThat(r.problem()).contains("prev_hash does not match line 6");
  }

  @Test
  void aDeletedLineIsSeenByTheSequence() throws IOException {
    List<String> lines = agentLog();
    lines.remove(3);
    VerificationResult r = verify(lines);
    assertThat(r.firstBrokenLine()).isEqualTo(4);
    assertThat(r.problem()).contains("event.sequence 5 where 4 was expected");
  }

  @Test
  void swappedLinesAreSeen() throws IOException {
    List<String> lines = agentLog();
    String third = lines.get(2);
    lines.set(2, lines.get(3));
    lines.set(3, third);
    assertThat(verify(lines).firstBrokenLine()).isEqualTo(3);
  }

  @Test
  void aLogWithItsHeadCutOffDoesNotStartAChain() throws IOException {
    List<String> lines = agentLog();
    VerificationResult r = verify(lines.subList(1, lines.size()));
    assertThat(r.firstBrokenLine()).isEqualTo(1);
    assertThat(r.problem()).contains("first line");
  }

  @Test
  void aLogWithItsTailCutOffIsIntactButSaysSo() throws IOException {
    List<String> lines = agentLog();
    VerificationResult r = verify(lines.subList(0, lines.size() - 1));
    assertThat(r.intact()).isTrue();
    assertThat(r.notes()).anyMatch(n -> n.contains("does not end with an agent-stop"));
  }

  @Test
  void garbageIsReportedWithItsLine() throws IOException {
    List<String> lines = agentLog();
    lines.set(1, "{not json");
    VerificationResult r = verify(lines);
    assertThat(r.firstBrokenLine()).isEqualTo(2);
    assertThat(r.problem()).startsWith("not a JSON object");
  }
}
