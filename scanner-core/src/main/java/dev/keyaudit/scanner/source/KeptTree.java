package dev.keyaudit.scanner.source;

import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a parsed tree cheaper to keep between the phases: drops its token list (every token with
 * its text and positions, more than half of the tree's heap) and keeps each node's range, which is
 * all the analysis reads. Only for trees that parsed without problems: a problem's location is a
 * token range.
 */
final class KeptTree {

  private KeptTree() {}

  static void dropTokens(CompilationUnit cu) {
    List<Node> nodes = new ArrayList<>();
    cu.walk(nodes::add);
    nodes.addAll(cu.getAllContainedComments());
    nodes.addAll(cu.getOrphanComments());
    cu.getComment().ifPresent(nodes::add);
    for (Node node : nodes) {
      Range range = node.getRange().orElse(null);
      node.setTokenRange(null); // also clears the range
      node.setRange(range);
    }
  }
}
