package dev.keyaudit.scanner.manifest;

import java.util.List;
import java.util.Locale;

/**
 * Reads a Dockerfile: {@code ENV}/{@code ARG} settings (secrets baked into image layers, JVM
 * options such as {@code JAVA_OPTS=-Djava.security.egd=...}) and {@code RUN}/{@code CMD}/{@code
 * ENTRYPOINT} commands (shell or JSON form), which go to the shell scanner.
 */
final class DockerfileReader {

  private DockerfileReader() {}

  static void read(String text, FileFacts facts, ShellScanner shell) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int start = i;
      StringBuilder logical = new StringBuilder();
      String line = lines[i];
      while (line.endsWith("\\") && i + 1 < lines.length) {
        logical.append(line, 0, line.length() - 1).append(' ');
        line = lines[++i];
        while (line.strip().startsWith("#") && i + 1 < lines.length) {
          line = lines[++i]; // comment lines inside a continued instruction
        }
      }
      logical.append(line);
      instruction(logical.toString().strip(), start + 1, facts, shell);
    }
  }

  private static void instruction(String text, int line, FileFacts facts, ShellScanner shell) {
    if (text.isEmpty() || text.startsWith("#")) {
      return;
    }
    int space = text.indexOf(' ');
    if (space < 0) {
      return;
    }
    String keyword = text.substring(0, space).toUpperCase(Locale.ROOT);
    String rest = text.substring(space + 1).strip();
    switch (keyword) {
      case "RUN", "CMD", "ENTRYPOINT" -> shell.logicalLine(jsonForm(rest), line);
      case "ENV", "ARG" -> settings(rest, line, facts);
      default -> {}
    }
  }

  /** {@code ENV A=1 B="x y"} or the legacy {@code ENV A value with spaces}. */
  private static void settings(String rest, int line, FileFacts facts) {
    List<String> words = ShellWords.split(rest);
    if (!words.isEmpty() && !words.get(0).contains("=")) {
      int space = rest.indexOf(' ');
      if (space > 0) {
        facts.setting(rest.substring(0, space), rest.substring(space + 1).strip(), line);
      }
      return;
    }
    for (String w : words) {
      int eq = w.indexOf('=');
      if (eq > 0) {
        facts.setting(w.substring(0, eq), w.substring(eq + 1), line);
      }
    }
  }

  /** {@code ["java", "-Dx=y", "-jar", "app.jar"]} as a shell command line. */
  private static String jsonForm(String text) {
    String rest =
        text.startsWith("[") && text.lastIndexOf(']') > 0
            ? text.substring(0, text.lastIndexOf(']') + 1)
            : text;
    if (!rest.startsWith("[") || !rest.endsWith("]")) {
      return rest;
    }
    StringBuilder out = new StringBuilder();
    for (String part : rest.substring(1, rest.length() - 1).split("\",\\s*\"")) {
      String p = part.strip();
      if (p.startsWith("\"")) {
        p = p.substring(1);
      }
      if (p.endsWith("\"")) {
        p = p.substring(0, p.length() - 1);
      }
      out.append('\'').append(p.replace("'", "")).append("' ");
    }
    return out.toString();
  }
}
