package dev.keyaudit.scanner.config;

import dev.keyaudit.rules.model.Location;
import java.util.Objects;

/**
 * One setting read from a configuration file, with the exact line it was written on.
 *
 * @param key the flattened key ({@code server.ssl.key-store-password}, lists as {@code a[0]})
 * @param value the value as written, placeholders not resolved
 * @param location the line of the value
 * @param profile the Spring profile the setting applies to, or null for every profile
 */
public record ConfigEntry(String key, String value, Location location, String profile) {

  public ConfigEntry {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(location, "location");
  }

  /** Spring's relaxed-binding form: case, dashes and underscores do not matter. */
  public String canonicalKey() {
    return canonical(key);
  }

  static String canonical(String key) {
    StringBuilder out = new StringBuilder(key.length());
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c != '-' && c != '_') {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString();
  }
}
