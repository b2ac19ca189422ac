package dev.keyaudit.scanner.runtime;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Checks a KeyAudit agent event log offline: every line is a JSON object whose {@code
 * event.sequence} is one more than the line before and whose {@code prev_hash} is the SHA-384 (hex)
 * of the previous line's exact UTF-8 bytes; the first line of a log carries 96 zeros. An edited,
 * removed, inserted or reordered line breaks the chain at the first line after the change. The
 * agent's own {@code events-lost} records are reported as notes: a complete chain can still say
 * that the agent dropped events.
 *
 * <p>Deleting lines at the end cannot be seen from the log alone; the {@code agent-stop} record
 * (written at shutdown) shows that a log ends where the agent ended it.
 */
public final class EventLogVerifier {

  /** {@code prev_hash} of a log's first line. */
  public static final String GENESIS = "0".repeat(96);

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Verifies {@code file}. */
  public VerificationResult verify(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return verify(in);
    }
  }

  /** Verifies a log read line by line. */
  public VerificationResult verify(BufferedReader in) throws IOException {
    MessageDigest sha384 = sha384();
    List<String> notes = new ArrayList<>();
    String expectedHash = null;
    long expectedSequence = -1;
    int lineNo = 0;
    String line;
    boolean stopped = false;
    while ((line = in.readLine()) != null) {
      lineNo++;
      JsonNode event;
      try {
        event = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        return broken(lineNo, "not a JSON object: " + e.getOriginalMessage(), notes);
      }
      if (event == null || !event.isObject()) {
        return broken(lineNo, "not a JSON object", notes);
      }
      JsonNode seq = event.get("event.sequence");
      JsonNode prev = event.get("prev_hash");
      if (seq == null || !seq.canConvertToLong() || prev == null || !prev.isTextual()) {
        return broken(lineNo, "missing event.sequence or prev_hash", notes);
      }
      long sequence = seq.asLong();
      if (expectedHash == null) {
        if (!GENESIS.equals(prev.asText())) {
          return broken(
              lineNo, "first line does not start a chain (prev_hash is not 96 zeros)", notes);
        }
        if (sequence != 1) {
          return broken(
              lineNo, "first line has event.sequence " + sequence + ", expected 1", notes);
        }
      } else {
        if (sequence != expectedSequence) {
          return broken(
              lineNo,
              "event.sequence "
                  + sequence
                  + " where "
                  + expectedSequence
                  + " was expected (a line was removed, inserted or reordered)",
              notes);
        }
        if (!expectedHash.equals(prev.asText())) {
          return broken(
              lineNo,
              "prev_hash does not match line " + (lineNo - 1) + " (that line was changed)",
              notes);
        }
      }
      String action = event.path("event.action").asText();
      if ("events-lost".equals(action)) {
        notes.add(
            "line "
                + lineNo
                + ": the agent reports "
                + event.path("keyaudit.events_lost").asLong()
                + " lost event(s) in total");
      } else if ("agent-start".equals(action) || "agent-attach".equals(action)) {
        if (lineNo > 1 && !stopped) {
          notes.add("line " + lineNo + ": agent restarted without an agent-stop record before");
        }
        stopped = false;
      } else if ("agent-stop".equals(action)) {
        stopped = true;
      }
      expectedHash = HexFormat.of().formatHex(sha384.digest(line.getBytes(StandardCharsets.UTF_8)));
      expectedSequence = sequence + 1;
    }
    if (lineNo == 0) {
      return broken(1, "empty log", notes);
    }
    if (!stopped) {
      notes.add(
          "the log does not end with an agent-stop record (JVM still running, killed, or lines cut at the end)");
    }
    return new VerificationResult(lineNo, 0, null, notes);
  }

  private static VerificationResult broken(int line, String problem, List<String> notes) {
    return new VerificationResult(line, line, problem, notes);
  }

  private static MessageDigest sha384() {
    try {
      return MessageDigest.getInstance("SHA-384");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-384 is mandatory in every JDK", e);
    }
  }
}
