package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.facts.DisabledAlgorithmsOverride;
import dev.keyaudit.scanner.config.ConfigEntry;
import java.util.Arrays;
import java.util.List;

/**
 * Reads settings from {@code .properties} files and {@code java.security} overrides: secrets under
 * credential-like names, {@code securerandom.*} and {@code java.security.egd}, and overrides of the
 * {@code jdk.*.disabledAlgorithms} lists.
 */
final class PropertiesFileReader {

  private PropertiesFileReader() {}

  static void read(List<ConfigEntry> entries, FileFacts facts, boolean securityOverride) {
    for (ConfigEntry e : entries) {
      int line = e.location().startLine();
      String key = e.key();
      if (securityOverride && isAlgorithmConstraint(key)) {
        List<String> list =
            Arrays.stream(e.value().split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
        facts.fact(new DisabledAlgorithmsOverride(e.location(), key, list));
        continue;
      }
      facts.setting(key, e.value(), line);
    }
  }

  static boolean isAlgorithmConstraint(String key) {
    return (key.startsWith("jdk.") && key.endsWith(".disabledAlgorithms"))
        || key.equals("jdk.security.legacyAlgorithms");
  }
}
