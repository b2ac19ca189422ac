package dev.keyaudit.rules.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The tree operations behind {@code extends}: maps deep-merge, lists and scalars replace. Works on
 * Jackson trees so that merging stays independent of the typed model.
 */
final class PolicyTrees {

  private PolicyTrees() {}

  /** {@code overlay} on top of {@code base}; neither input is changed. */
  static ObjectNode merge(ObjectNode base, ObjectNode overlay) {
    ObjectNode out = base.deepCopy();
    Iterator<Map.Entry<String, JsonNode>> fields = overlay.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      JsonNode existing = out.get(field.getKey());
      JsonNode value = field.getValue();
      if (existing instanceof ObjectNode baseObject && value instanceof ObjectNode overlayObject) {
        out.set(field.getKey(), merge(baseObject, overlayObject));
      } else {
        out.set(field.getKey(), value.deepCopy());
      }
    }
    return out;
  }

  /**
   * Gives every threshold the user file sets without a {@code source} the file itself as source, so
   * a merged threshold never keeps citing a standard for a value the user changed.
   */
  static ObjectNode citeUserFile(ObjectNode overlay, String source) {
    ObjectNode out = overlay.deepCopy();
    for (String section : PolicyFile.THRESHOLD_SECTIONS) {
      if (out.get(section) instanceof ObjectNode sectionNode) {
        sectionNode.forEach(
            child -> {
              if (child instanceof ObjectNode threshold && !threshold.has("source")) {
                threshold.put("source", source);
              }
            });
      }
    }
    for (String node : PolicyFile.THRESHOLD_NODES) {
      if (out.get(node) instanceof ObjectNode threshold && !threshold.has("source")) {
        threshold.put("source", source);
      }
    }
    return out;
  }

  /**
   * Expands the short forms a user may write: {@code RSA: 3072} for {@code RSA: {value: 3072}},
   * {@code DES: disallowed} for {@code DES: {status: disallowed}}, {@code curves: [P-256]} for
   * {@code curves: {approved: [P-256]}}.
   */
  static ObjectNode expandShortForms(ObjectNode written) {
    ObjectNode out = written.deepCopy();
    for (String section : PolicyFile.THRESHOLD_SECTIONS) {
      if (section.equals("digests") || !(out.get(section) instanceof ObjectNode sectionNode)) {
        continue;
      }
      String key = section.equals("algorithms") ? "status" : "value";
      sectionNode
          .properties()
          .forEach(
              entry -> {
                JsonNode value = entry.getValue();
                if (value.isValueNode() && !value.isNull() || value.isArray()) {
                  ObjectNode expanded = out.objectNode();
                  expanded.set(key, value);
                  entry.setValue(expanded);
                }
              });
    }
    if (out.get("curves") != null && out.get("curves").isArray()) {
      ObjectNode expanded = out.objectNode();
      expanded.set("approved", out.get("curves"));
      out.set("curves", expanded);
    }
    return out;
  }
}
