package dev.keyaudit.scanner.config;

import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/** Small helpers to read SnakeYAML Engine nodes: child lookup, scalar text, 1-based lines. */
public final class YamlTree {

  private YamlTree() {}

  /** The 1-based line a node starts on, 0 when unknown. */
  public static int line(Node node) {
    return node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
  }

  /** The value under {@code key} of a mapping node. */
  public static Optional<Node> child(Node node, String key) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return Optional.of(t.getValueNode());
        }
      }
    }
    return Optional.empty();
  }

  /** The value at a path of mapping keys. */
  public static Optional<Node> at(Node node, String... path) {
    Optional<Node> current = Optional.of(node);
    for (String key : path) {
      current = current.flatMap(n -> child(n, key));
    }
    return current;
  }

  /** The text of a scalar node. */
  public static Optional<String> text(Node node) {
    return node instanceof ScalarNode s ? Optional.of(s.getValue()) : Optional.empty();
  }

  public static Optional<String> text(Node node, String... path) {
    return at(node, path).flatMap(YamlTree::text);
  }

  public static List<NodeTuple> entries(Node node) {
    return node instanceof MappingNode map ? map.getValue() : List.of();
  }

  public static List<Node> items(Node node) {
    return node instanceof SequenceNode seq ? seq.getValue() : List.of();
  }
}
