package dev.keyaudit.scanner.manifest;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits HCL2 text (Terraform {@code .tf}, {@code .tfvars}) into tokens that keep their line:
 * identifiers, numbers, quoted strings (with {@code ${...}} kept as written), heredocs, punctuation
 * and newlines; comments are dropped. Every step consumes input, so hostile text cannot hang it.
 */
final class HclLexer {

  enum Kind {
    IDENT,
    NUMBER,
    STRING,
    HEREDOC,
    PUNCT,
    NEWLINE,
    EOF
  }

  record Token(Kind kind, String text, int line) {
    boolean is(String punct) {
      return kind == Kind.PUNCT && text.equals(punct);
    }
  }

  private final String src;
  private int pos;
  private int line = 1;

  private HclLexer(String src) {
    this.src = src;
  }

  static List<Token> tokens(String text) {
    return new HclLexer(text).run();
  }

  private List<Token> run() {
    List<Token> out = new ArrayList<>();
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\n') {
        out.add(new Token(Kind.NEWLINE, "\n", line));
        line++;
        pos++;
      } else if (Character.isWhitespace(c)) {
        pos++;
      } else if (c == '#' || (c == '/' && peek(1) == '/')) {
        while (pos < src.length() && src.charAt(pos) != '\n') {
          pos++;
        }
      } else if (c == '/' && peek(1) == '*') {
        int end = src.indexOf("*/", pos + 2);
        int stop = end < 0 ? src.length() : end + 2;
        countLines(pos, stop);
        pos = stop;
      } else if (c == '"') {
        out.add(string());
      } else if (c == '<' && peek(1) == '<' && (Character.isLetter(peek(2)) || peek(2) == '-')) {
        out.add(heredoc());
      } else if (Character.isDigit(c)) {
        int start = pos;
        while (pos < src.length()
            && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
          pos++;
        }
        out.add(new Token(Kind.NUMBER, src.substring(start, pos), line));
      } else if (Character.isLetter(c) || c == '_') {
        int start = pos;
        while (pos < src.length()
            && (Character.isLetterOrDigit(src.charAt(pos))
                || src.charAt(pos) == '_'
                || src.charAt(pos) == '-')) {
          pos++;
        }
        out.add(new Token(Kind.IDENT, src.substring(start, pos), line));
      } else {
        out.add(new Token(Kind.PUNCT, String.valueOf(c), line));
        pos++;
      }
    }
    out.add(new Token(Kind.EOF, "", line));
    return out;
  }

  private Token string() {
    int startLine = line;
    StringBuilder text = new StringBuilder();
    pos++; // opening quote
    int depth = 0;
    while (pos < src.length()) {
      char c = src.charAt(pos);
      if (c == '\\' && pos + 1 < src.length()) {
        char n = src.charAt(pos + 1);
        text.append(n == 'n' ? '\n' : n == 't' ? '\t' : n == 'r' ? '\r' : n);
        pos += 2;
        continue;
      }
      if (c == '$' && peek(1) == '{') {
        depth++;
      } else if (c == '}' && depth > 0) {
        depth--;
      } else if (c == '"' && depth == 0) {
        pos++;
        break;
      } else if (c == '\n') {
        if (depth == 0) {
          break; // unterminated string: stop at the line end
        }
        line++;
      }
      text.append(c);
      pos++;
    }
    return new Token(Kind.STRING, text.toString(), startLine);
  }

  private Token heredoc() {
    int startLine = line;
    int start = pos + 2;
    if (start < src.length() && src.charAt(start) == '-') {
      start++;
    }
    int nameEnd = start;
    while (nameEnd < src.length()
        && (Character.isLetterOrDigit(src.charAt(nameEnd)) || src.charAt(nameEnd) == '_')) {
      nameEnd++;
    }
    String marker = src.substring(start, nameEnd);
    int bodyStart = src.indexOf('\n', nameEnd);
    if (bodyStart < 0) {
      pos = src.length();
      return new Token(Kind.HEREDOC, "", startLine);
    }
    int cursor = bodyStart + 1;
    StringBuilder body = new StringBuilder();
    while (cursor < src.length()) {
      int eol = src.indexOf('\n', cursor);
      int lineEnd = eol < 0 ? src.length() : eol;
      String l = src.substring(cursor, lineEnd);
      if (l.strip().equals(marker)) {
        cursor = lineEnd;
        break;
      }
      body.append(l).append('\n');
      cursor = eol < 0 ? src.length() : eol + 1;
    }
    countLines(pos, cursor);
    pos = cursor;
    return new Token(Kind.HEREDOC, body.toString(), startLine);
  }

  private void countLines(int from, int to) {
    for (int i = from; i < to && i < src.length(); i++) {
      if (src.charAt(i) == '\n') {
        line++;
      }
    }
  }

  private char peek(int ahead) {
    int p = pos + ahead;
    return p < src.length() ? src.charAt(p) : '\0';
  }
}
