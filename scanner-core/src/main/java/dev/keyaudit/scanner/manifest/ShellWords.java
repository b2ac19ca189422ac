package dev.keyaudit.scanner.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits shell text into words the way {@code sh} does for the cases scripts use: single and double
 * quotes, backslash escapes, and the command separators {@code ; && || |} (returned as their own
 * words so callers can split commands). Never fails: unbalanced quotes end at the end of the text.
 */
final class ShellWords {

  static final String SEPARATOR = "\u0000;";

  private ShellWords() {}

  static List<String> split(String text) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
          word.append(text.charAt(++i));
        } else {
          word.append(c);
        }
        continue;
      }
      if (c == '\'' || c == '"') {
        quote = c;
        inWord = true;
      } else if (c == '\\' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
        inWord = true;
      } else if (Character.isWhitespace(c)) {
        inWord = flush(words, word, inWord);
      } else if (c == ';' || c == '|' || c == '&' || c == '\n') {
        inWord = flush(words, word, inWord);
        if (words.isEmpty() || !words.get(words.size() - 1).equals(SEPARATOR)) {
          words.add(SEPARATOR);
        }
      } else if (c == '#' && !inWord) {
        int nl = text.indexOf('\n', i);
        i = nl < 0 ? text.length() : nl - 1; // comment to end of line
      } else {
        word.append(c);
        inWord = true;
      }
    }
    flush(words, word, inWord);
    return words;
  }

  /** The words split into commands at separators. */
  static List<List<String>> commands(String text) {
    List<List<String>> commands = new ArrayList<>();
    List<String> current = new ArrayList<>();
    for (String w : split(text)) {
      if (w.equals(SEPARATOR)) {
        if (!current.isEmpty()) {
          commands.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(w);
      }
    }
    if (!current.isEmpty()) {
      commands.add(current);
    }
    return commands;
  }

  private static boolean flush(List<String> words, StringBuilder word, boolean inWord) {
    if (inWord) {
      words.add(word.toString());
      word.setLength(0);
    }
    return false;
  }
}
