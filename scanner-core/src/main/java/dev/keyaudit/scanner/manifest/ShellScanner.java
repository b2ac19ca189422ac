package dev.keyaudit.scanner.manifest;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads shell text (scripts, Makefile recipes, Dockerfile {@code RUN}, CI {@code run:} steps):
 * joins backslash continuations, tracks simple {@code VAR=value} assignments within the text, and
 * hands every command to {@link KeyCommands}. Assignments with secret-like names are settings too.
 */
final class ShellScanner {

  private static final Pattern ASSIGNMENT =
      Pattern.compile(
          "^(?:export\\s+|readonly\\s+|local\\s+|declare\\s+(?:-\\w+\\s+)?)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$");
  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}|\\$([A-Za-z_][A-Za-z0-9_]*)");
  private static final int MAX_LINE = 64 * 1024;

  private final FileFacts facts;
  private final KeyCommands commands;
  private final Map<String, String> variables = new HashMap<>();

  ShellScanner(FileFacts facts, int targetJdk) {
    this.facts = facts;
    this.commands = new KeyCommands(facts, targetJdk);
  }

  /** Scans {@code text} whose first line is line {@code firstLine} of the file. */
  void scan(String text, int firstLine) {
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int start = i;
      StringBuilder logical = new StringBuilder();
      String line = lines[i];
      while (line.endsWith("\\") && i + 1 < lines.length && logical.length() < MAX_LINE) {
        logical.append(line, 0, line.length() - 1).append(' ');
        line = lines[++i];
      }
      logical.append(line);
      logicalLine(logical.toString(), firstLine + start);
    }
  }

  void logicalLine(String text, int line) {
    String trimmed = text.strip();
    if (trimmed.isEmpty() || trimmed.startsWith("#")) {
      return;
    }
    Matcher assignment = ASSIGNMENT.matcher(trimmed);
    if (assignment.matches() && !assignment.group(2).startsWith("(")) {
      List<String> words = ShellWords.split(assignment.group(2));
      String value =
          words.isEmpty() || words.get(0).equals(ShellWords.SEPARATOR) ? "" : words.get(0);
      variables.put(assignment.group(1), value);
      facts.setting(assignment.group(1), value, line);
      return;
    }
    for (List<String> command : ShellWords.commands(expand(text))) {
      commands.command(command, line);
    }
  }

  /** Replaces {@code $VAR} by values assigned earlier in the same text; others stay as written. */
  private String expand(String text) {
    if (variables.isEmpty() || text.indexOf('$') < 0) {
      return text;
    }
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      String value = variables.get(name);
      m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
