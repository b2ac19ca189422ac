package dev.keyaudit.agent.output;

import java.util.List;

/**
 * Builds one flat JSON object (dotted ECS/OpenTelemetry field names, no nesting) without a JSON
 * library: the writer thread encodes thousands of events and must not depend on application
 * libraries. Null values are left out.
 */
public final class JsonLine {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private final StringBuilder sb = new StringBuilder(512).append('{');

  public JsonLine put(String name, String value) {
    if (value != null) {
      key(name);
      quote(value);
    }
    return this;
  }

  public JsonLine put(String name, long value) {
    key(name);
    sb.append(value);
    return this;
  }

  public JsonLine put(String name, boolean value) {
    key(name);
    sb.append(value);
    return this;
  }

  /** An int that is left out when 0 (unknown). */
  public JsonLine putPositive(String name, int value) {
    return value > 0 ? put(name, value) : this;
  }

  public JsonLine put(String name, List<String> values) {
    if (values != null) {
      key(name);
      sb.append('[');
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        quote(values.get(i));
      }
      sb.append(']');
    }
    return this;
  }

  /** Field names are the agent's own constants (plain ASCII): appended without escaping. */
  private void key(String name) {
    if (sb.length() > 1) {
      sb.append(',');
    }
    sb.append('"').append(name).append("\":");
  }

  private void quote(String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20) {
            sb.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xf]);
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }

  /** The object text, without a trailing newline. */
  public String build() {
    return sb.append('}').toString();
  }
}
