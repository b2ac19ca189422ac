package dev.keyaudit.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.yaml.StrictYaml;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The policy half of the catalog lint: every built-in policy file is indexed and loads (so it names
 * only known rules, algorithms, curves and parameters), and every threshold it writes cites a
 * source — checked on the files as written, before inheritance could hide a missing one.
 */
class PolicyLintTest {

  @Test
  void indexListsExactlyThePolicyFiles() throws Exception {
    Path dir =
        Path.of(Policies.class.getResource(Policies.RESOURCE_DIR + "index.yaml").toURI())
            .getParent();
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(
              files
                  .map(p -> p.getFileName().toString())
                  .filter(n -> n.endsWith(".yaml") && !n.equals("index.yaml")))
          .containsExactlyInAnyOrderElementsOf(
              Policies.builtInIds().stream().map(id -> id + ".yaml").toList());
    }
  }

  @Test
  void everyBuiltInPolicyLoadsAndNamesOnlyCatalogRules() {
    for (Policy p : Policies.builtIn()) {
      assertThat(p.ruleOverrides().keySet())
          .allSatisfy(id -> assertThat(RuleCatalog.builtIn().find(id)).isPresent());
    }
  }

  @Test
  void everyThresholdInTheBuiltInFilesCitesASource() throws Exception {
    for (String id : Policies.builtInIds()) {
      JsonNode tree = read(id);
      assertThat(unsourcedThresholds(tree)).as(id).isEmpty();
      assertThat(tree.path("evaluationDate").isMissingNode())
          .as(id + " must not pin an evaluation date")
          .isTrue();
    }
  }

  @Test
  void theSourceLintFindsAThresholdWithoutASource() throws Exception {
    ObjectNode tree = (ObjectNode) read("nist-800-131a");
    ((ObjectNode) tree.get("keySizes").get("RSA")).remove("source");
    ((ObjectNode) tree.get("curves")).put("source", " ");
    assertThat(unsourcedThresholds(tree)).containsExactly("keySizes.RSA", "curves");
  }

  /** Paths of threshold nodes without a non-blank {@code source}. */
  static List<String> unsourcedThresholds(JsonNode tree) {
    List<String> missing = new ArrayList<>();
    for (String section : PolicyFile.THRESHOLD_SECTIONS) {
      tree.path(section)
          .fields()
          .forEachRemaining(
              e -> {
                if (e.getValue().path("source").asText("").isBlank()) {
                  missing.add(section + "." + e.getKey());
                }
              });
    }
    for (String node : PolicyFile.THRESHOLD_NODES) {
      if (tree.has(node) && tree.get(node).path("source").asText("").isBlank()) {
        missing.add(node);
      }
    }
    return missing;
  }

  private static JsonNode read(String id) throws Exception {
    try (InputStream in =
        Policies.class.getResourceAsStream(Policies.RESOURCE_DIR + id + ".yaml")) {
      return StrictYaml.readTree(in);
    }
  }
}
