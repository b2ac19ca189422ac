package dev.keyaudit.scanner.source;

import dev.keyaudit.scanner.jca.JcaApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which packages of the scanned code declare a top-level type whose simple name is also an API type
 * name (a {@code com.acme.Cipher}). Such a type shadows on-demand imports and {@code java.lang} in
 * its package, so it must be known before any file of that package is analysed. It is found by a
 * cheap text scan, not by parsing.
 */
final class SamePackageTypes {

  private static final Pattern PACKAGE =
      Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);

  // Top-level declarations start at column 0 in practically all code; nested ones are indented.
  private static final Pattern TOP_LEVEL_TYPE =
      Pattern.compile(
          "^(?:(?:public|protected|private|abstract|final|static|sealed|non-sealed|strictfp)\\s+)*"
              + "(?:class|interface|enum|record|@interface)\\s+(\\w+)",
          Pattern.MULTILINE);

  private final Map<String, Set<String>> byPackage = new HashMap<>();

  /** The lookalike top-level types one source text declares, and its package. */
  record Declared(String packageName, List<String> names) {
    static final Declared NONE = new Declared("", List.of());
  }

  /** Scans one text; thread-safe, so the frontend runs it with the parse, in parallel. */
  static Declared scan(String text) {
    Matcher type = TOP_LEVEL_TYPE.matcher(text);
    String pkg = null;
    List<String> names = new ArrayList<>();
    while (type.find()) {
      String name = type.group(1);
      if (JcaApi.BY_SIMPLE_NAME.containsKey(name)) {
        if (pkg == null) {
          Matcher p = PACKAGE.matcher(text);
          pkg = p.find() ? p.group(1) : "";
        }
        names.add(name);
      }
    }
    return names.isEmpty() ? Declared.NONE : new Declared(pkg, List.copyOf(names));
  }

  /** Records the lookalike declarations of one source text. Not thread-safe: call serially. */
  void add(String text) {
    add(scan(text));
  }

  /** Records what {@link #scan} found. Not thread-safe: call serially. */
  void add(Declared declared) {
    for (String name : declared.names()) {
      byPackage.computeIfAbsent(declared.packageName(), k -> new HashSet<>()).add(name);
    }
  }

  boolean declares(String packageName, String simpleName) {
    Set<String> names = byPackage.get(packageName);
    return names != null && names.contains(simpleName);
  }
}
