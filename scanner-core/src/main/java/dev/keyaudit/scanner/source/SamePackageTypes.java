package dev.keyaudit.scanner.source;

import dev.keyaudit.scanner.jca.JcaApi;
import java.util.HashMap;
import java.util.HashSet;
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

  /** Records the lookalike declarations of one source text. Not thread-safe: call serially. */
  void add(String text) {
    Matcher type = TOP_LEVEL_TYPE.matcher(text);
    String pkg = null;
    while (type.find()) {
      String name = type.group(1);
      if (JcaApi.BY_SIMPLE_NAME.containsKey(name)) {
        if (pkg == null) {
          Matcher p = PACKAGE.matcher(text);
          pkg = p.find() ? p.group(1) : "";
        }
        byPackage.computeIfAbsent(pkg, k -> new HashSet<>()).add(name);
      }
    }
  }

  boolean declares(String packageName, String simpleName) {
    Set<String> names = byPackage.get(packageName);
    return names != null && names.contains(simpleName);
  }
}
