package dev.keyaudit.scanner.config;

import dev.keyaudit.rules.model.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code .properties} text following {@code java.util.Properties.load} (comments, {@code
 * =}/{@code :}/blank separators, backslash continuations, {@code \}{@code uXXXX} escapes) but keeps
 * the line each entry starts on, which {@code Properties} loses. Spring Boot's multi-document form
 * ({@code #---} lines) is honoured, with {@code spring.config.activate.on-profile} per document.
 */
public final class PropertiesReader {

  private PropertiesReader() {}

  /**
   * @param fileProfile the profile from the file name ({@code application-dev.properties}), or null
   */
  public static List<ConfigEntry> read(String text, String path, String fileProfile) {
    List<ConfigEntry> all = new ArrayList<>();
    List<ConfigEntry> document = new ArrayList<>();
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = stripLeading(lines[i]);
      if (line.equals("#---") || line.equals("!---")) {
        all.addAll(withProfile(document, fileProfile));
        document = new ArrayList<>();
        continue;
      }
      if (line.isEmpty() || line.charAt(0) == '#' || line.charAt(0) == '!') {
        continue;
      }
      int startLine = i + 1;
      StringBuilder logical = new StringBuilder();
      String current = line;
      // A line ending in an odd number of backslashes continues on the next line.
      while (endsWithContinuation(current) && i + 1 < lines.length) {
        logical.append(current, 0, current.length() - 1);
        current = stripLeading(lines[++i]);
      }
      logical.append(current);
      ConfigEntry entry = parseEntry(logical.toString(), path, startLine, fileProfile);
      if (entry != null) {
        document.add(entry);
      }
    }
    all.addAll(withProfile(document, fileProfile));
    return all;
  }

  private static List<ConfigEntry> withProfile(List<ConfigEntry> document, String fileProfile) {
    String profile = fileProfile;
    for (ConfigEntry e : document) {
      String k = e.canonicalKey();
      if (k.equals("spring.config.activate.onprofile") || k.equals("spring.profiles")) {
        profile = e.value().trim();
      }
    }
    if (profile == null) {
      return document;
    }
    String p = profile;
    return document.stream()
        .map(e -> new ConfigEntry(e.key(), e.value(), e.location(), p))
        .toList();
  }

  private static ConfigEntry parseEntry(String logical, String path, int line, String fileProfile) {
    int n = logical.length();
    int keyEnd = 0;
    boolean escaped = false;
    while (keyEnd < n) {
      char c = logical.charAt(keyEnd);
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '=' || c == ':' || Character.isWhitespace(c)) {
        break;
      }
      keyEnd++;
    }
    int valueStart = keyEnd;
    while (valueStart < n && Character.isWhitespace(logical.charAt(valueStart))) {
      valueStart++;
    }
    if (valueStart < n
        && (logical.charAt(valueStart) == '=' || logical.charAt(valueStart) == ':')) {
      valueStart++;
    }
    while (valueStart < n && Character.isWhitespace(logical.charAt(valueStart))) {
      valueStart++;
    }
    String key = unescape(logical.substring(0, keyEnd));
    if (key.isEmpty()) {
      return null;
    }
    String value = unescape(logical.substring(valueStart));
    return new ConfigEntry(key, value, Location.line(path, line), fileProfile);
  }

  private static boolean endsWithContinuation(String line) {
    int count = 0;
    for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) {
      count++;
    }
    return count % 2 == 1;
  }

  private static String stripLeading(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t' || s.charAt(i) == '\f')) {
      i++;
    }
    return s.substring(i);
  }

  static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 >= s.length()) {
        out.append(c);
        continue;
      }
      char next = s.charAt(++i);
      switch (next) {
        case 't' -> out.append('\t');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 'f' -> out.append('\f');
        case 'u' -> {
          if (i + 4 < s.length() + 0 && isHex(s, i + 1, i + 5)) {
            out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
            i += 4;
          } else {
            out.append('u'); // malformed escape: Properties throws, we keep the text
          }
        }
        default -> out.append(next);
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s, int from, int to) {
    if (to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
