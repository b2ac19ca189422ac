package dev.keyaudit.agent.output;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one flat JSON object (dotted ECS/OpenTelemetry field names, no nesting) straight into
 * UTF-8 bytes, without a JSON library: the writer thread encodes thousands of events and must not
 * depend on application libraries. The writer reuses one instance ({@link #reset}), so a line is
 * encoded once and hashed and written from the same bytes. Null values are left out.
 */
public final class JsonLine {

  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private byte[] buf = new byte[2048];
  private int len;
  private final IsoInstant instants = new IsoInstant();

  public JsonLine() {
    reset();
  }

  /** Starts a new object, keeping the buffer. */
  public JsonLine reset() {
    len = 0;
    buf[len++] = '{';
    return this;
  }

  public JsonLine put(String name, String value) {
    if (value != null) {
      key(name);
      quote(value);
    }
    return this;
  }

  public JsonLine put(String name, long value) {
    key(name);
    ascii(Long.toString(value));
    return this;
  }

  public JsonLine put(String name, boolean value) {
    key(name);
    ascii(value ? "true" : "false");
    return this;
  }

  /** An instant, written as {@link Instant#toString()} writes it. */
  public JsonLine put(String name, Instant value) {
    if (value != null) {
      key(name);
      ensure(48); // the longest Instant text is 37 characters
      buf[len++] = '"';
      len = instants.write(value, buf, len);
      buf[len++] = '"';
    }
    return this;
  }

  /** Appends fields taken earlier with {@link #fields()} from another line. */
  public JsonLine raw(byte[] fields) {
    if (fields.length > 0) {
      if (len > 1) {
        byteOut(',');
      }
      ensure(fields.length);
      System.arraycopy(fields, 0, buf, len, fields.length);
      len += fields.length;
    }
    return this;
  }

  /** The fields written since {@link #reset}, without braces: a fragment for {@link #raw}. */
  byte[] fields() {
    return Arrays.copyOfRange(buf, 1, len);
  }

  /** An int that is left out when 0 (unknown). */
  public JsonLine putPositive(String name, int value) {
    return value > 0 ? put(name, value) : this;
  }

  public JsonLine put(String name, List<String> values) {
    if (values != null) {
      key(name);
      byteOut('[');
      for (int i = 0; i < values.size(); i++) {
        if (i > 0) {
          byteOut(',');
        }
        quote(values.get(i));
      }
      byteOut(']');
    }
    return this;
  }

  /** Closes the object; the line is then {@link #bytes()} up to {@link #length()}. */
  public JsonLine end() {
    byteOut('}');
    return this;
  }

  /** The encoded line (valid up to {@link #length()}); no trailing newline. */
  byte[] bytes() {
    return buf;
  }

  int length() {
    return len;
  }

  void writeTo(OutputStream out) throws IOException {
    out.write(buf, 0, len);
  }

  /** The object text, without a trailing newline. */
  public String build() {
    end();
    return new String(buf, 0, len, StandardCharsets.UTF_8);
  }

  /** Field names are the agent's own constants (plain ASCII): copied without escaping. */
  private void key(String name) {
    if (len > 1) {
      byteOut(',');
    }
    byteOut('"');
    ascii(name);
    byteOut('"');
    byteOut(':');
  }

  private void ascii(String s) {
    ensure(s.length());
    for (int i = 0; i < s.length(); i++) {
      buf[len++] = (byte) s.charAt(i);
    }
  }

  private void quote(String s) {
    // worst case per char: \\u00XX (6 bytes) or 3 UTF-8 bytes
    ensure(6 * s.length() + 2);
    buf[len++] = '"';
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
        buf[len++] = (byte) c;
      } else if (c < 0x80) {
        escape(c);
      } else {
        i = utf8(s, i);
      }
    }
    buf[len++] = '"';
  }

  private void escape(char c) {
    buf[len++] = '\\';
    switch (c) {
      case '"' -> buf[len++] = '"';
      case '\\' -> buf[len++] = '\\';
      case '\n' -> buf[len++] = 'n';
      case '\r' -> buf[len++] = 'r';
      case '\t' -> buf[len++] = 't';
      default -> {
        buf[len++] = 'u';
        buf[len++] = '0';
        buf[len++] = '0';
        buf[len++] = HEX[c >> 4];
        buf[len++] = HEX[c & 0xf];
      }
    }
  }

  /** Encodes the char at {@code i} (a pair when it is a high surrogate); returns the last index. */
  private int utf8(String s, int i) {
    char c = s.charAt(i);
    if (c < 0x800) {
      buf[len++] = (byte) (0xc0 | (c >> 6));
      buf[len++] = (byte) (0x80 | (c & 0x3f));
      return i;
    }
    if (Character.isHighSurrogate(c)
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1))) {
      int cp = Character.toCodePoint(c, s.charAt(i + 1));
      buf[len++] = (byte) (0xf0 | (cp >> 18));
      buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3f));
      buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3f));
      buf[len++] = (byte) (0x80 | (cp & 0x3f));
      return i + 1;
    }
    if (Character.isSurrogate(c)) {
      // an unpaired surrogate has no UTF-8 form; String.getBytes writes '?' too
      buf[len++] = '?';
      return i;
    }
    buf[len++] = (byte) (0xe0 | (c >> 12));
    buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3f));
    buf[len++] = (byte) (0x80 | (c & 0x3f));
    return i;
  }

  private void byteOut(char c) {
    ensure(1);
    buf[len++] = (byte) c;
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
    }
  }
}
