package dev.keyaudit.agenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/** An agent event log read back for assertions, with an independent check of its hash chain. */
final class EventLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  final List<String> raw;
  final List<JsonNode> events;

  private EventLines(List<String> raw, List<JsonNode> events) {
    this.raw = raw;
    this.events = events;
  }

  static EventLines read(Path file) throws IOException {
    List<String> raw = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<JsonNode> events = new ArrayList<>();
    for (String line : raw) {
      events.add(JSON.readTree(line));
    }
    return new EventLines(raw, events);
  }

  List<JsonNode> where(Predicate<JsonNode> p) {
    return events.stream().filter(p).toList();
  }

  List<JsonNode> action(String action) {
    return where(e -> action.equals(e.path("event.action").asText()));
  }

  JsonNode at(String action, int line) {
    List<JsonNode> found =
        where(
            e ->
                action.equals(e.path("event.action").asText())
                    && e.path("code.line.number").asInt() == line);
    assertThat(found).as(action + " at line " + line + " in\n" + String.join("\n", raw)).hasSize(1);
    return found.get(0);
  }

  /** Sequence numbers increase by one and every prev_hash is the SHA-384 of the line before. */
  void assertChained() throws Exception {
    MessageDigest sha = MessageDigest.getInstance("SHA-384");
    String previous = "0".repeat(96);
    long sequence = events.get(0).path("event.sequence").asLong() - 1;
    for (int i = 0; i < raw.size(); i++) {
      JsonNode e = events.get(i);
      assertThat(e.path("event.sequence").asLong())
          .as("sequence of line " + (i + 1))
          .isEqualTo(++sequence);
      if (i > 0 || sequence == 1) {
        assertThat(e.path("prev_hash").asText())
            .as("prev_hash of line " + (i + 1))
            .isEqualTo(previous);
      }
      previous = HexFormat.of().formatHex(sha.digest(raw.get(i).getBytes(StandardCharsets.UTF_8)));
    }
  }
}
