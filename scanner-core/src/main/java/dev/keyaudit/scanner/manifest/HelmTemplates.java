package dev.keyaudit.scanner.manifest;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Helm chart templates are YAML only after rendering. This keeps their literal parts: template
 * actions become a neutral word (lines holding only an action become blank, keeping line numbers),
 * and when the result is still not YAML, {@code key: value} lines are read one by one.
 */
final class HelmTemplates {

  private static final Pattern ACTION =
      Pattern.compile("(?<!\\$)\\{\\{-?.*?-?}}"); // not GitHub's ${{ }}
  private static final Pattern ONLY_ACTION = Pattern.compile("^\\s*(\\{\\{-?.*?-?}}\\s*)+$");
  private static final Pattern KEY_VALUE =
      Pattern.compile("^\\s*-?\\s*([A-Za-z0-9_.\\-]+)\\s*:\\s+(\\S.*)$");

  private HelmTemplates() {}

  static String literalParts(String text) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (ONLY_ACTION.matcher(l).matches()) {
        l = "";
      } else {
        l = ACTION.matcher(l).replaceAll(Matcher.quoteReplacement("$HELM_TEMPLATE"));
      }
      out.append(l);
      if (i < lines.length - 1) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  static void scanLines(String text, FileFacts facts) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = KEY_VALUE.matcher(lines[i]);
      if (m.matches()) {
        facts.setting(m.group(1), m.group(2).replaceAll("\\s+#.*$", ""), i + 1);
      }
    }
  }
}
