package dev.keyaudit.scanner.config;

import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's configuration settings ({@code .properties} files and Spring {@code
 * application*.yml}/{@code bootstrap*.yml}), indexed for lookup the way Spring resolves them:
 * relaxed key names, profile-specific values over defaults, later documents over earlier ones. Used
 * by the manifest frontend and by the source frontend's {@code getProperty}/{@code @Value}
 * resolution.
 */
public final class ConfigIndex {

  private static final Pattern SPRING_YAML =
      Pattern.compile("(?:application|bootstrap)(?:-([^/.]+))?\\.ya?ml");
  private static final Pattern SPRING_PROPERTIES =
      Pattern.compile("(?:application|bootstrap)-([^/.]+)\\.properties");

  private static final int MAX_RESOLUTION_DEPTH = 16;

  private final List<ConfigEntry> entries;
  private final List<Notification> problems;
  private final Map<String, List<ConfigEntry>> byKey = new HashMap<>();

  private ConfigIndex(List<ConfigEntry> entries, List<Notification> problems) {
    this.entries = List.copyOf(entries);
    this.problems = List.copyOf(problems);
    for (ConfigEntry e : this.entries) {
      byKey.computeIfAbsent(e.canonicalKey(), k -> new ArrayList<>()).add(e);
    }
  }

  /** Reads every configuration file among {@code files}; unreadable ones become problems. */
  public static ConfigIndex load(List<InputFile> files) {
    List<ConfigEntry> entries = new ArrayList<>();
    List<Notification> problems = new ArrayList<>();
    for (InputFile file : files) {
      if (!isConfigFile(file.relativePath())) {
        continue;
      }
      try {
        TextContent content = TextContent.read(file.path());
        entries.addAll(read(file.relativePath(), content.text()));
      } catch (TextContent.UnreadableException | YamlDocuments.YamlException e) {
        problems.add(Notification.warning(file.relativePath(), 0, e.getMessage()));
      }
    }
    return new ConfigIndex(entries, problems);
  }

  /** Builds an index from entries already read (the manifest frontend reads each file once). */
  public static ConfigIndex of(List<ConfigEntry> entries) {
    return new ConfigIndex(entries, List.of());
  }

  /** Settings of one configuration file's text; YAML or properties by the file name. */
  public static List<ConfigEntry> read(String relativePath, String text)
      throws YamlDocuments.YamlException {
    String name = fileName(relativePath);
    String profile = profileOf(name);
    if (name.endsWith(".properties")) {
      return PropertiesReader.read(text, relativePath, profile);
    }
    return YamlConfigReader.read(YamlDocuments.parse(text, relativePath), relativePath, profile);
  }

  /** {@code .properties} files and Spring's YAML configuration files. */
  public static boolean isConfigFile(String relativePath) {
    String name = fileName(relativePath);
    return name.endsWith(".properties") || SPRING_YAML.matcher(name).matches();
  }

  /**
   * The setting that wins for {@code key} when {@code profile} is active (null: no profile): the
   * last profile-specific value, else the last value without profile.
   */
  public Optional<ConfigEntry> lookup(String key, String profile) {
    List<ConfigEntry> candidates = byKey.getOrDefault(ConfigEntry.canonical(key), List.of());
    ConfigEntry best = null;
    for (ConfigEntry e : candidates) {
      if (profile != null && profile.equals(e.profile())) {
        best = e;
      }
    }
    if (best == null) {
      for (ConfigEntry e : candidates) {
        if (e.profile() == null) {
          best = e;
        }
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * A value as Spring would resolve it: {@code ${key:default}} placeholders (nested, chained, and
   * inside longer text) are replaced by the winning setting or their default. {@code chain} lists
   * the settings used, in the order they were followed, so callers can build a trace.
   *
   * @param value the resolved text
   */
  public record Resolved(String value, List<ConfigEntry> chain) {
    public Resolved {
      chain = List.copyOf(chain);
    }
  }

  /**
   * Resolves {@code expression} (e.g. the text of {@code @Value("${crypto.key-size:2048}")}), or
   * empty when a referenced setting has neither a value nor a default, or references loop.
   */
  public Optional<Resolved> resolve(String expression, String profile) {
    List<ConfigEntry> chain = new ArrayList<>();
    String value = resolve(expression, profile, chain, 0);
    return value == null ? Optional.empty() : Optional.of(new Resolved(value, chain));
  }

  private String resolve(String text, String profile, List<ConfigEntry> chain, int depth) {
    if (depth > MAX_RESOLUTION_DEPTH) {
      return null; // a reference loop, or absurd nesting
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      int start = text.indexOf("${", i);
      if (start < 0) {
        out.append(text, i, text.length());
        break;
      }
      int end = closingBrace(text, start + 2);
      if (end < 0) {
        out.append(text, i, text.length());
        break;
      }
      out.append(text, i, start);
      Optional<Placeholder> p = Placeholder.parseWhole(text.substring(start, end + 1));
      if (p.isEmpty()) {
        return null;
      }
      Optional<ConfigEntry> entry = lookup(p.get().name(), profile);
      String replacement;
      if (entry.isPresent()) {
        chain.add(entry.get());
        replacement = resolve(entry.get().value(), profile, chain, depth + 1);
      } else if (p.get().defaultValue() != null) {
        replacement = resolve(p.get().defaultValue(), profile, chain, depth + 1);
      } else {
        return null;
      }
      if (replacement == null) {
        return null;
      }
      out.append(replacement);
      i = end + 1;
    }
    return out.toString();
  }

  private static int closingBrace(String text, int from) {
    int depth = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{') {
        depth++;
      } else if (c == '}') {
        if (depth == 0) {
          return i;
        }
        depth--;
      }
    }
    return -1;
  }

  /** Every value written for {@code key}, in every profile, in file order. */
  public List<ConfigEntry> all(String key) {
    return List.copyOf(byKey.getOrDefault(ConfigEntry.canonical(key), List.of()));
  }

  public List<ConfigEntry> entries() {
    return entries;
  }

  /** Files that could not be read while loading. */
  public List<Notification> problems() {
    return problems;
  }

  static String profileOf(String fileName) {
    Matcher yaml = SPRING_YAML.matcher(fileName);
    if (yaml.matches()) {
      return yaml.group(1);
    }
    Matcher props = SPRING_PROPERTIES.matcher(fileName);
    return props.matches() ? props.group(1) : null;
  }

  private static String fileName(String relativePath) {
    int slash = relativePath.lastIndexOf('/');
    return (slash < 0 ? relativePath : relativePath.substring(slash + 1)).toLowerCase(Locale.ROOT);
  }
}
