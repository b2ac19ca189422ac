package dev.keyaudit.scanner.source;

import java.util.BitSet;

/**
 * Which lines of a Java source hold code (anything but whitespace and comments). A lexical scan
 * that knows strings, character literals and text blocks, so {@code "//"} in a string is code.
 */
final class CodeLines {

  private final BitSet lines = new BitSet();

  private CodeLines() {}

  static CodeLines of(String text) {
    CodeLines result = new CodeLines();
    result.scan(text);
    return result;
  }

  boolean hasCode(int line) {
    return lines.get(line);
  }

  /** The first line after {@code line} that holds code, or -1. */
  int nextCodeLine(int line) {
    return lines.nextSetBit(line + 1);
  }

  private void scan(String text) {
    int line = 1;
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        i += 2;
        while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
          if (text.charAt(i) == '\n') {
            line++;
          }
          i++;
        }
        i += 2;
      } else if (c == '"' && text.startsWith("\"\"\"", i)) {
        lines.set(line);
        i += 3;
        while (i < n && !text.startsWith("\"\"\"", i)) {
          if (text.charAt(i) == '\\') {
            i++;
          } else if (text.charAt(i) == '\n') {
            line++;
            lines.set(line);
          }
          i++;
        }
        i += 3;
      } else if (c == '"' || c == '\'') {
        lines.set(line);
        i++;
        while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') {
          i += text.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else {
        if (!Character.isWhitespace(c)) {
          lines.set(line);
        }
        i++;
      }
    }
  }
}
