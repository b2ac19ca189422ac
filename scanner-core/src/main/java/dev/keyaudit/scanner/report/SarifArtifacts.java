package dev.keyaudit.scanner.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.scanner.archive.ArchivePath;
import dev.keyaudit.scanner.archive.Artifact;
import dev.keyaudit.scanner.finding.Finding;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code run.artifacts} for the archives results lie in, the way SARIF 2.1.0 describes nesting
 * (§3.14.15, §3.24.2-3, §3.4.3-4): the outermost archive with its own location ({@code %SRCROOT%}
 * relative, or an absolute {@code file:} URI), each nested archive with the path of its entry
 * inside its parent, no {@code uriBaseId}, and {@code parentIndex} pointing at the parent. A
 * dependency's coordinates are in the artifact's {@code properties}. Results keep their one-URI
 * location ({@link SarifLocations}); these entries add what a viewer needs to show the nesting.
 */
final class SarifArtifacts {

  private static final String JAR_MIME_TYPE = "application/java-archive";

  /** Archive location to its index in {@code run.artifacts}, in first-seen order. */
  private final Map<String, Integer> indexes = new LinkedHashMap<>();

  private final ArrayNode artifacts = JsonOutput.object().arrayNode();

  static SarifArtifacts of(List<Finding> findings) {
    SarifArtifacts artifacts = new SarifArtifacts();
    for (Finding finding : findings) {
      artifacts.add(ArchivePath.parse(finding.location().path()), finding.dependency());
    }
    return artifacts;
  }

  boolean isEmpty() {
    return artifacts.isEmpty();
  }

  ArrayNode node() {
    return artifacts;
  }

  private void add(ArchivePath path, Artifact dependency) {
    for (int n = 0; n < path.depth(); n++) {
      String archive = path.archive(n);
      if (indexes.containsKey(archive)) {
        continue;
      }
      ObjectNode node = artifacts.addObject();
      if (n == 0) {
        node.set("location", SarifLocations.artifactLocation(path.file()));
        node.putArray("roles").add("analysisTarget");
      } else {
        node.putObject("location").put("uri", SarifLocations.relativeUri(path.parts().get(n)));
        node.put("parentIndex", indexes.get(path.archive(n - 1)));
      }
      node.put("mimeType", JAR_MIME_TYPE);
      if (dependency != null && dependency.location().equals(archive)) {
        ObjectNode properties = node.putObject("properties");
        properties.put("dependency", true);
        if (dependency.coordinates() != null) {
          properties.put("coordinates", dependency.coordinates());
        }
      }
      indexes.put(archive, indexes.size());
    }
  }
}
