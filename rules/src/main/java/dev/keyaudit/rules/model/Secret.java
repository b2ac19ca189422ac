package dev.keyaudit.rules.model;

import java.nio.charset.StandardCharsets;

/**
 * A secret seen in code or configuration, reduced to what a report may show: its length and a
 * masked prefix. The full value is never kept, so no report or log can print it.
 */
public record Secret(int length, String unit, String maskedPreview) {

  private static final int SHOWN_CHARS = 4;

  /** From text (a password, a PEM string): length in characters. */
  public static Secret ofText(String text) {
    return new Secret(text.length(), "chars", mask(text));
  }

  /** From bytes (key material): length in bytes, preview in hex. */
  public static Secret ofBytes(byte[] bytes) {
    StringBuilder hex = new StringBuilder();
    for (int i = 0; i < Math.min(2, bytes.length); i++) {
      hex.append(String.format("%02x", bytes[i]));
    }
    return new Secret(bytes.length, "bytes", bytes.length <= 2 ? "****" : hex + "…");
  }

  /** From text used as bytes ({@code "...".getBytes()}): length is the UTF-8 byte count. */
  public static Secret ofTextBytes(String text) {
    return new Secret(text.getBytes(StandardCharsets.UTF_8).length, "bytes", mask(text));
  }

  /** Key bits, when the secret is key material. */
  public int bits() {
    return "bytes".equals(unit) ? length * 8 : 0;
  }

  private static String mask(String text) {
    // Short secrets show nothing: a 4-char prefix of a 6-char password is most of it.
    if (text.length() < 12) {
      return "****";
    }
    return text.substring(0, SHOWN_CHARS) + "…";
  }

  /** e.g. {@code "MIIE…" (1704 chars)}. */
  public String describe() {
    return "\"" + maskedPreview + "\" (" + length + " " + unit + ")";
  }
}
