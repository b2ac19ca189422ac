package dev.keyaudit.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Joins the SARIF logs of several modules into one log with one run per module. GitHub code
 * scanning rejects an upload with two runs of the same tool and category, so every run must already
 * carry a distinct {@code automationDetails} category; a repeat is refused here rather than by the
 * upload.
 */
final class SarifAggregate {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SarifAggregate() {}

  /** One log holding every run of {@code logs}, in order; the first log's header is kept. */
  static ObjectNode merge(List<byte[]> logs) throws IOException {
    if (logs.isEmpty()) {
      throw new IllegalArgumentException("nothing to aggregate");
    }
    ObjectNode merged = null;
    ArrayNode runs = null;
    Set<String> categories = new HashSet<>();
    for (byte[] log : logs) {
      JsonNode document = JSON.readTree(log);
      if (merged == null) {
        merged = document.deepCopy();
        runs = merged.putArray("runs");
      }
      for (JsonNode run : document.path("runs")) {
        String category = category(run.path("automationDetails").path("id").asText(""));
        if (!categories.add(category)) {
          throw new IllegalArgumentException(
              "two runs with the SARIF category '"
                  + category
                  + "'; GitHub would reject the upload");
        }
        runs.add(run);
      }
    }
    return merged;
  }

  static void write(ObjectNode log, Path file) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.write(file, JSON.writeValueAsBytes(log));
  }

  /** The category of an automationDetails id: everything up to and including the last "/". */
  static String category(String automationId) {
    int slash = automationId.lastIndexOf('/');
    return slash < 0 ? automationId : automationId.substring(0, slash + 1);
  }
}
