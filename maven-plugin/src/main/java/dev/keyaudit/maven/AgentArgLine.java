package dev.keyaudit.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Builds the JVM arguments that run tests under the KeyAudit agent, {@code
 * -javaagent:<jar>=key=value,...}, and puts them in front of an existing {@code argLine} value
 * without clobbering it. Quotes arguments with spaces the way Surefire and Failsafe split their
 * {@code argLine}; an option value the agent would split at a comma travels as a {@code
 * -Dkeyaudit.agent.<key>} system property instead (the agent reads both).
 */
final class AgentArgLine {

  /** The agent options the goal maps, in the order they are written. */
  static final List<String> OPTIONS =
      List.of(
          "log",
          "policy",
          "mode",
          "tenant",
          "environment",
          "service",
          "allowedCallers",
          "include",
          "exclude");

  // The agent starts a new option at a comma followed by "key=" (AgentOptions.OPTION_SPLIT).
  private static final Pattern SPLITS_AT_COMMA = Pattern.compile(",[a-zA-Z]+=");

  private final Path agentJar;
  private final Map<String, String> options;

  /**
   * @param agentJar the shaded keyaudit-agent jar
   * @param options agent options by name (one of {@link #OPTIONS}); null or blank values are left
   *     out, so the agent's defaults apply
   */
  AgentArgLine(Path agentJar, Map<String, String> options) {
    this.agentJar = agentJar.toAbsolutePath().normalize();
    Map<String, String> kept = new LinkedHashMap<>();
    for (String name : OPTIONS) {
      String value = options.get(name);
      if (value != null && !value.isBlank()) {
        kept.put(name, value.trim());
      }
    }
    for (String name : options.keySet()) {
      if (!OPTIONS.contains(name)) {
        throw new IllegalArgumentException("unknown agent option '" + name + "'");
      }
    }
    this.options = kept;
  }

  /** Checks the {@code mode} parameter: {@code audit} or {@code enforce}. */
  static String mode(String value) {
    String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("audit") || v.equals("enforce")) {
      return v;
    }
    throw new IllegalArgumentException("mode must be audit or enforce, not '" + value + "'");
  }

  /** Joins list parameters the way the agent reads lists: with {@code :}. */
  static String list(List<String> values) {
    if (values == null) {
      return null;
    }
    List<String> kept = values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    return kept.isEmpty() ? null : String.join(":", kept);
  }

  /** The agent's arguments, as they go into {@code argLine}. */
  String arguments() {
    StringBuilder agentOptions = new StringBuilder();
    List<String> properties = new ArrayList<>();
    options.forEach(
        (name, value) -> {
          if (SPLITS_AT_COMMA.matcher(value).find()) {
            properties.add(quote("-Dkeyaudit.agent." + name + "=" + value));
          } else {
            agentOptions.append(agentOptions.length() == 0 ? "" : ",").append(name).append('=');
            agentOptions.append(value);
          }
        });
    String agent =
        "-javaagent:"
            + agentJar
            + (agentOptions.length() == 0 ? "" : "=" + agentOptions.toString());
    List<String> all = new ArrayList<>();
    all.add(quote(agent));
    all.addAll(properties);
    return String.join(" ", all);
  }

  /**
   * The new value of the property: the agent's arguments followed by {@code existing}, less any
   * KeyAudit agent argument an earlier run of the goal put there (so running it twice, or in two
   * executions, loads the agent once).
   */
  String prependTo(String existing) {
    String rest = existing == null ? "" : withoutAgent(existing.trim());
    return rest.isEmpty() ? arguments() : arguments() + " " + rest;
  }

  private String withoutAgent(String value) {
    List<String> kept = new ArrayList<>();
    for (String arg : split(value)) {
      String bare = unquote(arg);
      boolean ours =
          bare.startsWith("-javaagent:" + agentJar)
              || bare.startsWith("-Dkeyaudit.agent.")
                  && OPTIONS.stream().anyMatch(o -> bare.startsWith("-Dkeyaudit.agent." + o + "="));
      if (!ours) {
        kept.add(arg);
      }
    }
    return String.join(" ", kept);
  }

  /** Quotes an argument that contains whitespace or quotes, as Surefire's argLine parser reads. */
  static String quote(String arg) {
    boolean plain = arg.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'');
    if (plain) {
      return arg;
    }
    return arg.indexOf('"') < 0 ? '"' + arg + '"' : "'" + arg + "'";
  }

  /** Splits a command line at whitespace outside quotes, keeping the quotes. */
  static List<String> split(String line) {
    List<String> args = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    char quote = 0;
    for (char c : line.toCharArray()) {
      if (quote != 0) {
        current.append(c);
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        current.append(c);
      } else if (Character.isWhitespace(c)) {
        if (current.length() > 0) {
          args.add(current.toString());
          current.setLength(0);
        }
      } else {
        current.append(c);
      }
    }
    if (current.length() > 0) {
      args.add(current.toString());
    }
    return args;
  }

  private static String unquote(String arg) {
    if (arg.length() >= 2
        && (arg.charAt(0) == '"' || arg.charAt(0) == '\'')
        && arg.charAt(arg.length() - 1) == arg.charAt(0)) {
      return arg.substring(1, arg.length() - 1);
    }
    return arg;
  }
}
