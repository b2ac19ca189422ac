package dev.keyaudit.keygen;

import java.util.Map;

/** Writes a flat map of strings, numbers and booleans as one line of JSON. */
final class Json {

  private Json() {}

  static String object(Map<String, ?> fields) {
    StringBuilder s = new StringBuilder("{");
    for (Map.Entry<String, ?> e : fields.entrySet()) {
      if (s.length() > 1) {
        s.append(',');
      }
      string(s, e.getKey());
      s.append(':');
      Object v = e.getValue();
      if (v instanceof Number || v instanceof Boolean) {
        s.append(v);
      } else if (v == null) {
        s.append("null");
      } else {
        string(s, v.toString());
      }
    }
    return s.append('}').toString();
  }

  private static void string(StringBuilder s, String v) {
    s.append('"');
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    s.append('"');
  }
}
