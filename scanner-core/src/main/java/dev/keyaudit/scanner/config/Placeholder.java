package dev.keyaudit.scanner.config;

import java.util.Optional;

/**
 * A value that names another setting instead of holding one: Spring/Maven {@code ${name}} and
 * {@code ${name:default}}, shell and compose {@code ${NAME:-default}}. The default is what applies
 * when the setting is missing, so it is judged like a literal.
 *
 * @param name the referenced setting or variable
 * @param defaultValue the default after {@code :} or {@code :-}, or null when none is given
 */
public record Placeholder(String name, String defaultValue) {

  /** The placeholder when the whole (trimmed) value is one {@code ${...}} expression. */
  public static Optional<Placeholder> parseWhole(String value) {
    String v = value.trim();
    if (!v.startsWith("${") || !v.endsWith("}")) {
      return Optional.empty();
    }
    String body = v.substring(2, v.length() - 1);
    int depth = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return Optional.empty(); // "${a}x${b}": not one placeholder
        }
        depth--;
      } else if (c == ':' && depth == 0) {
        String name = body.substring(0, i).trim();
        String def = body.substring(i + 1);
        if (def.startsWith("?") || def.startsWith("+")) {
          return Optional.of(new Placeholder(name, null)); // ${VAR:?error}, ${VAR:+alternate}
        }
        if (def.startsWith("-")) {
          def = def.substring(1); // compose/shell ${VAR:-default}
        }
        return Optional.of(new Placeholder(name, def));
      }
    }
    return Optional.of(new Placeholder(body.trim(), null));
  }

  /** True when the value contains any {@code ${...}} reference. */
  public static boolean containsReference(String value) {
    int start = value.indexOf("${");
    return start >= 0 && value.indexOf('}', start) > start;
  }
}
