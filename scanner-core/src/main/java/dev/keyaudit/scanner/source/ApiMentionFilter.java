package dev.keyaudit.scanner.source;

import java.util.HashSet;
import java.util.Set;

/**
 * A single pass over a file's text that tells whether it can contain anything the source frontend
 * reports: a word naming an API type (or {@code random}, {@code PRIVATE}, {@code keyaudit}), or a
 * run of base64 characters long enough to hold key material. Files that fail it are not parsed,
 * which is most of a typical code base.
 */
final class ApiMentionFilter {

  /** Base64 key material in code is usually split into 64-character lines. */
  static final int MIN_BASE64_RUN = 56;

  private static final Set<String> WORDS = new HashSet<>(JcaApi.TRIGGER_NAMES);

  static {
    WORDS.add("random"); // Math.random(), static imports
    WORDS.add("PRIVATE"); // PEM headers
    WORDS.add("keyaudit"); // waivers
  }

  private static final int MIN_WORD = WORDS.stream().mapToInt(String::length).min().orElse(1);
  private static final int MAX_WORD = WORDS.stream().mapToInt(String::length).max().orElse(64);

  private ApiMentionFilter() {}

  static boolean mayMatter(CharSequence text) {
    int n = text.length();
    int base64Run = 0;
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (isWordStart(c)) {
        int start = i;
        while (i < n && isWordPart(text.charAt(i))) {
          i++;
        }
        int len = i - start;
        if (len >= MIN_WORD
            && len <= MAX_WORD
            && WORDS.contains(text.subSequence(start, i).toString())) {
          return true;
        }
        base64Run = isBase64Word(text, start, i) ? base64Run + len : 0;
      } else {
        base64Run = isBase64Char(c) ? base64Run + 1 : 0;
        i++;
      }
      if (base64Run >= MIN_BASE64_RUN) {
        return true;
      }
    }
    return false;
  }

  // Not Character.isJavaIdentifierPart: it also accepts control characters, which would glue a
  // name to binary garbage.
  private static boolean isWordStart(char c) {
    return Character.isLetter(c) || c == '_' || c == '$';
  }

  private static boolean isWordPart(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static boolean isBase64Word(CharSequence text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isBase64Char(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBase64Char(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '='
        || c == '-'
        || c == '_';
  }
}
