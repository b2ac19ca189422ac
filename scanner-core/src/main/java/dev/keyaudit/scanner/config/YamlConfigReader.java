package dev.keyaudit.scanner.config;

import dev.keyaudit.rules.model.Location;
import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Flattens YAML documents into dotted settings as Spring Boot binds them ({@code a.b[0].c}), each
 * with the line of its value. A document's profile comes from {@code
 * spring.config.activate.on-profile} (or the older {@code spring.profiles}), else from the file.
 *
 * <p>The walk is bounded (depth and node count) because aliases can make a small graph huge.
 */
public final class YamlConfigReader {

  static final int MAX_DEPTH = 64;
  static final int MAX_NODES = 200_000;

  private YamlConfigReader() {}

  public static List<ConfigEntry> read(List<Node> documents, String path, String fileProfile) {
    List<ConfigEntry> all = new ArrayList<>();
    int[] budget = {MAX_NODES};
    for (Node document : documents) {
      List<ConfigEntry> entries = new ArrayList<>();
      flatten(document, "", path, entries, 0, budget);
      String profile = fileProfile;
      for (ConfigEntry e : entries) {
        String k = e.canonicalKey();
        if (k.equals("spring.config.activate.onprofile") || k.equals("spring.profiles")) {
          profile = e.value().trim();
        }
      }
      for (ConfigEntry e : entries) {
        all.add(new ConfigEntry(e.key(), e.value(), e.location(), profile));
      }
    }
    return all;
  }

  private static void flatten(
      Node node, String prefix, String path, List<ConfigEntry> out, int depth, int[] budget) {
    if (depth > MAX_DEPTH || --budget[0] < 0) {
      return;
    }
    if (node instanceof ScalarNode scalar) {
      if (!prefix.isEmpty()) {
        out.add(
            new ConfigEntry(
                prefix, scalar.getValue(), Location.line(path, YamlTree.line(node)), null));
      }
    } else if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key) {
          String name = prefix.isEmpty() ? key.getValue() : prefix + "." + key.getValue();
          flatten(t.getValueNode(), name, path, out, depth + 1, budget);
        }
      }
    } else if (node instanceof SequenceNode seq) {
      List<Node> items = seq.getValue();
      for (int i = 0; i < items.size(); i++) {
        flatten(items.get(i), prefix + "[" + i + "]", path, out, depth + 1, budget);
      }
    }
  }
}
