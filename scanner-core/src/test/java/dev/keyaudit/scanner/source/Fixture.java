package dev.keyaudit.scanner.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Java fixture file and what it declares: an optional header ({@code // keyaudit-fixture:
 * policy=cnsa-2.0 target-jdk=21 rules=KA105}) in its first lines, and per line the markers {@code
 * // expect: KA102, KA104}, {@code // ok: KA102}, and the known-gap markers {@code // todo-expect:}
 * (a finding that is missing today) and {@code // todo-ok:} (a finding that should not be there).
 */
record Fixture(
    Path file,
    String relativePath,
    String policy,
    int targetJdk,
    Set<String> rules,
    Map<Integer, Markers> markers) {

  static final String DEFAULT_POLICY = "nist-800-131a";
  static final int DEFAULT_JDK = 17;
  private static final int HEADER_LINES = 5;

  private static final Pattern HEADER = Pattern.compile("//\\s*keyaudit-fixture:(.*)");
  private static final Pattern MARKER =
      Pattern.compile("//\\s*(expect|ok|todo-expect|todo-ok):\\s*(KA\\d{3}(?:\\s*,\\s*KA\\d{3})*)");

  /** The markers of one line. */
  record Markers(Set<String> expect, Set<String> ok, Set<String> todoExpect, Set<String> todoOk) {
    static Markers empty() {
      return new Markers(
          new LinkedHashSet<>(),
          new LinkedHashSet<>(),
          new LinkedHashSet<>(),
          new LinkedHashSet<>());
    }
  }

  static Fixture read(Path file, String relativePath) throws IOException {
    List<String> lines = Files.readAllLines(file);
    String policy = DEFAULT_POLICY;
    int jdk = DEFAULT_JDK;
    Set<String> rules = new LinkedHashSet<>();
    for (int i = 0; i < Math.min(HEADER_LINES, lines.size()); i++) {
      Matcher h = HEADER.matcher(lines.get(i));
      if (!h.find()) {
        continue;
      }
      for (String setting : h.group(1).trim().split("\\s+")) {
        String[] kv = setting.split("=", 2);
        switch (kv[0]) {
          case "policy" -> policy = kv[1];
          case "target-jdk" -> jdk = Integer.parseInt(kv[1]);
          case "rules" -> rules.addAll(List.of(kv[1].split(",")));
          default ->
              throw new IllegalArgumentException(relativePath + ": unknown setting " + kv[0]);
        }
      }
    }
    Map<Integer, Markers> markers = new TreeMap<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = MARKER.matcher(lines.get(i));
      while (m.find()) {
        Markers line = markers.computeIfAbsent(i + 1, k -> Markers.empty());
        Set<String> target =
            switch (m.group(1)) {
              case "expect" -> line.expect();
              case "ok" -> line.ok();
              case "todo-expect" -> line.todoExpect();
              default -> line.todoOk();
            };
        for (String id : m.group(2).split(",")) {
          target.add(id.trim());
        }
      }
    }
    return new Fixture(file, relativePath, policy, jdk, Set.copyOf(rules), markers);
  }

  /** Whether findings of {@code ruleId} are compared for this fixture. */
  boolean inScope(String ruleId) {
    return rules.isEmpty() || rules.contains(ruleId);
  }

  /** The folder's rule id ("KA102" for {@code KA102-KeySizeBelowMinimum/...}), or null. */
  String folderRule() {
    Path parent = file.getParent();
    String name = parent == null ? "" : parent.getFileName().toString();
    return name.matches("KA\\d{3}-.*") ? name.substring(0, 5) : null;
  }

  boolean expects(String ruleId) {
    return markers.values().stream()
        .anyMatch(m -> m.expect().contains(ruleId) || m.todoExpect().contains(ruleId));
  }

  boolean documentsOk(String ruleId) {
    return markers.values().stream().anyMatch(m -> m.ok().contains(ruleId));
  }
}
