package dev.keyaudit.scanner.manifest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON document read with Jackson's streaming parser into a small tree whose every value keeps
 * its line (Jackson's own tree drops positions). Nesting and string sizes are bounded.
 *
 * @param value a String, Number, Boolean, null, {@code List<JsonTree>} or {@code Map<String,
 *     JsonTree>}
 */
record JsonTree(Object value, int line) {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxNestingDepth(200)
                  .maxStringLength(4_000_000)
                  .build())
          .build();

  static JsonTree parse(String text) throws IOException {
    try (JsonParser parser = FACTORY.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new IOException("empty JSON");
      }
      JsonTree tree = read(parser, first);
      if (parser.nextToken() != null) {
        throw new IOException("trailing content after JSON value");
      }
      return tree;
    }
  }

  private static JsonTree read(JsonParser parser, JsonToken token) throws IOException {
    int line = parser.currentTokenLocation().getLineNr();
    switch (token) {
      case START_OBJECT -> {
        Map<String, JsonTree> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          members.put(name, read(parser, parser.nextToken()));
        }
        return new JsonTree(members, line);
      }
      case START_ARRAY -> {
        List<JsonTree> items = new ArrayList<>();
        JsonToken t;
        while ((t = parser.nextToken()) != JsonToken.END_ARRAY && t != null) {
          items.add(read(parser, t));
        }
        return new JsonTree(items, line);
      }
      case VALUE_STRING -> {
        return new JsonTree(parser.getText(), line);
      }
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
        return new JsonTree(parser.getNumberValue(), line);
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new JsonTree(token == JsonToken.VALUE_TRUE, line);
      }
      case VALUE_NULL -> {
        return new JsonTree(null, line);
      }
      default -> throw new IOException("unexpected JSON token " + token);
    }
  }

  @SuppressWarnings("unchecked")
  Map<String, JsonTree> members() {
    return value instanceof Map<?, ?> m ? (Map<String, JsonTree>) m : Map.of();
  }

  @SuppressWarnings("unchecked")
  List<JsonTree> items() {
    return value instanceof List<?> l ? (List<JsonTree>) l : List.of();
  }

  String string(String member) {
    JsonTree t = members().get(member);
    return t != null && t.value() instanceof String s ? s : null;
  }
}
