package dev.keyaudit.agent.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The agent's options, from {@code -javaagent:keyaudit-agent.jar=key=value,...}, from {@code
 * keyaudit.agent.*} system properties and from a properties file ({@code config=FILE} or {@code
 * -Dkeyaudit.agent.config=FILE}), in that order of precedence. Lists inside a value are separated
 * by {@code :} or {@code ;}, because {@code ,} separates options (JaCoCo's convention).
 */
public final class AgentOptions {

  public static final String PREFIX = "keyaudit.agent.";

  public static final Set<String> KEYS =
      Set.of(
          "log",
          "policy",
          "mode",
          "tenant",
          "environment",
          "service",
          "allowedCallers",
          "include",
          "exclude",
          "config",
          "queue",
          "flush",
          "tls",
          "startup",
          "providers",
          "verbose");

  // a comma followed by "key=" starts a new option; other commas stay inside the value
  private static final Pattern OPTION_SPLIT = Pattern.compile(",(?=[a-zA-Z]+=)");

  private final Map<String, String> values;

  private AgentOptions(Map<String, String> values) {
    this.values = values;
  }

  /** What enforce mode means: judge, and throw for a generation the policy forbids. */
  public enum Mode {
    AUDIT,
    ENFORCE
  }

  /** Parses agent arguments and merges system properties and the properties file. */
  public static AgentOptions load(String agentArgs, Properties systemProperties) {
    Map<String, String> args = parse(agentArgs);
    Map<String, String> merged = new LinkedHashMap<>();
    String configFile =
        args.getOrDefault("config", systemProperties.getProperty(PREFIX + "config"));
    if (configFile != null && !configFile.isBlank()) {
      merged.putAll(readFile(Path.of(configFile)));
    }
    for (String key : KEYS) {
      String v = systemProperties.getProperty(PREFIX + key);
      if (v != null) {
        merged.put(key, v);
      }
    }
    merged.putAll(args);
    return new AgentOptions(merged);
  }

  /** Parses {@code key=value,key=value}; unknown keys are an error, so typos do not go unseen. */
  public static Map<String, String> parse(String agentArgs) {
    Map<String, String> out = new LinkedHashMap<>();
    if (agentArgs == null || agentArgs.isBlank()) {
      return out;
    }
    for (String option : OPTION_SPLIT.split(agentArgs.trim())) {
      int eq = option.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("agent option without '=': \"" + option + "\"");
      }
      putChecked(out, option.substring(0, eq).trim(), option.substring(eq + 1).trim());
    }
    return out;
  }

  private static Map<String, String> readFile(Path file) {
    Properties p = new Properties();
    try (Reader r = Files.newBufferedReader(file)) {
      p.load(r);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read agent config " + file + ": " + e, e);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (String name : p.stringPropertyNames()) {
      String key = name.startsWith(PREFIX) ? name.substring(PREFIX.length()) : name;
      putChecked(out, key, p.getProperty(name).trim());
    }
    return out;
  }

  private static void putChecked(Map<String, String> out, String key, String value) {
    if (!KEYS.contains(key)) {
      throw new IllegalArgumentException(
          "unknown agent option \""
              + key
              + "\"; known: "
              + String.join(", ", new java.util.TreeSet<>(KEYS)));
    }
    out.put(key, value);
  }

  /** {@code log}: a file path, {@code stdout}, or {@code none} (default: keyaudit-events.jsonl). */
  public String log() {
    return values.getOrDefault("log", "keyaudit-events.jsonl");
  }

  /** {@code policy}: a built-in policy id or a policy file. */
  public String policy() {
    return values.getOrDefault("policy", "nist-800-131a");
  }

  public Mode mode() {
    String m = values.getOrDefault("mode", "audit").toUpperCase(Locale.ROOT);
    try {
      return Mode.valueOf(m);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mode must be audit or enforce, not \"" + m + "\"", e);
    }
  }

  /** {@code tenant}: see {@link AttributeSource} for the forms. */
  public String tenant() {
    return values.get("tenant");
  }

  public String environment() {
    return values.get("environment");
  }

  public String service() {
    return values.get("service");
  }

  /** Package prefixes allowed to generate keys; empty allows every caller. */
  public List<String> allowedCallers() {
    return list("allowedCallers");
  }

  /** Caller package prefixes to record; empty records every caller. */
  public List<String> include() {
    return list("include");
  }

  /**
   * Packages of providers the application registers at run time whose key pair generators extend
   * {@code KeyPairGenerator} directly (BouncyCastle and a few others are built in).
   */
  public List<String> providers() {
    return list("providers");
  }

  /** Caller package prefixes never recorded. */
  public List<String> exclude() {
    return list("exclude");
  }

  /** Capacity of the bounded event queue between application threads and the writer. */
  public int queueCapacity() {
    return Integer.parseInt(values.getOrDefault("queue", "8192"));
  }

  /**
   * {@code flush}: milliseconds between writes of queued events (default 20, 1 to 1000): the
   * longest an event stays in memory before it reaches the log, and how much writing is batched.
   */
  public long flushMillis() {
    String v = values.getOrDefault("flush", "20");
    try {
      long ms = Long.parseLong(v.endsWith("ms") ? v.substring(0, v.length() - 2).trim() : v);
      if (ms >= 1 && ms <= 1000) {
        return ms;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("flush must be 1 to 1000 milliseconds, not \"" + v + "\"");
  }

  /** {@code tls=aggregate} (default) counts TLS and derivation keys; {@code tls=full} logs each. */
  public boolean aggregateTls() {
    return !"full".equalsIgnoreCase(values.getOrDefault("tls", "aggregate"));
  }

  /**
   * {@code startup=async} installs the instrumentation on a background thread (audit mode only):
   * start-up pays almost nothing, and key generations in the first moments are not seen.
   */
  public boolean asyncStartup() {
    return "async".equalsIgnoreCase(values.getOrDefault("startup", "sync"));
  }

  public boolean verbose() {
    return Boolean.parseBoolean(values.getOrDefault("verbose", "false"));
  }

  private List<String> list(String key) {
    String v = values.get(key);
    List<String> out = new ArrayList<>();
    if (v != null) {
      for (String item : v.split("[:;]")) {
        String s = item.trim();
        if (s.endsWith(".*")) {
          s = s.substring(0, s.length() - 2);
        }
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
    }
    return List.copyOf(out);
  }

  /** The effective options, as they would be written as agent arguments. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    values.forEach(
        (k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append('=').append(v));
    return sb.toString();
  }
}
