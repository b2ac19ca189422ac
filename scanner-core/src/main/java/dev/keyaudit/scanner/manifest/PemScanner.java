package dev.keyaudit.scanner.manifest;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Finds private-key PEM blocks in text and parses each one: blocks written over several lines (also
 * indented in YAML block scalars or quoted line by line), and blocks written on one line with
 * {@code \n} escapes (JSON strings, Terraform state). Blocks that do not parse are dropped.
 */
final class PemScanner {

  private static final String BEGIN = "-----BEGIN ";
  private static final int MAX_BLOCK_LINES = 2000;
  private static final Pattern LEADING_QUOTE = Pattern.compile("^\\+?\\s*[\"'`]");
  private static final Pattern TRAILING_QUOTE = Pattern.compile("(\\\\n)?[\"'`]\\s*[+,;)]*\\s*$");

  /** A parsed private key block starting at {@code line} (1-based, relative to the text). */
  record Block(int line, String type, String body, ParsedKey key) {}

  private PemScanner() {}

  static List<Block> scan(String text) {
    List<Block> blocks = new ArrayList<>();
    if (!text.contains(BEGIN)) {
      return blocks;
    }
    String[] lines = text.split("\r\n|\r|\n", -1);
    for (int i = 0; i < lines.length; i++) {
      int begin = lines[i].indexOf(BEGIN);
      if (begin < 0) {
        continue;
      }
      String rest = lines[i].substring(begin + BEGIN.length());
      int dashes = rest.indexOf("-----");
      if (dashes < 0) {
        continue;
      }
      String type = rest.substring(0, dashes);
      if (!type.contains("PRIVATE KEY")) {
        continue;
      }
      String end = "-----END " + type + "-----";
      String afterHeader = rest.substring(dashes + 5);
      if (afterHeader.contains("\\n")) {
        int endAt = afterHeader.indexOf(end);
        String body = endAt < 0 ? afterHeader : afterHeader.substring(0, endAt);
        int startLine = i + 1;
        parse(type, body.replace("\\r", "").split("\\\\n"))
            .ifPresent(p -> blocks.add(new Block(startLine, type, p.body, p.key)));
        continue;
      }
      List<String> body = new ArrayList<>();
      int j = i + 1;
      for (; j < lines.length && j - i < MAX_BLOCK_LINES; j++) {
        if (lines[j].contains(end)) {
          break;
        }
        body.add(lines[j]);
      }
      if (j < lines.length && lines[j].contains(end)) {
        int startLine = i + 1;
        parse(type, body.toArray(String[]::new))
            .ifPresent(p -> blocks.add(new Block(startLine, type, p.body, p.key)));
        i = j;
      }
    }
    return blocks;
  }

  private record Parsed(String body, ParsedKey key) {}

  private static Optional<Parsed> parse(String type, String[] bodyLines) {
    StringBuilder base64 = new StringBuilder();
    boolean procTypeEncrypted = false;
    for (String raw : bodyLines) {
      String line = clean(raw);
      if (line.isEmpty()) {
        continue;
      }
      if (line.contains(":")) {
        if (line.startsWith("Proc-Type:") && line.contains("ENCRYPTED")) {
          procTypeEncrypted = true;
        }
        continue; // RFC 1421 / OpenPGP armor headers
      }
      if (type.startsWith("PGP") && line.startsWith("=") && line.length() <= 5) {
        continue; // armor checksum
      }
      base64.append(line);
    }
    if (base64.length() < 64) {
      return Optional.empty();
    }
    byte[] der;
    try {
      der = Base64.getMimeDecoder().decode(base64.toString());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    boolean encrypted = procTypeEncrypted;
    return PrivateKeyParser.parsePem(type, der, encrypted)
        .map(k -> new Parsed(base64.toString(), k));
  }

  /**
   * Drops indentation and the quoting of code that writes a key line by line ({@code "MIIE..." +},
   * {@code "...\\n",}). A bare trailing {@code +} or {@code /} is base64 and stays.
   */
  private static String clean(String raw) {
    String s = raw.strip();
    s = LEADING_QUOTE.matcher(s).replaceFirst("");
    s = TRAILING_QUOTE.matcher(s).replaceFirst("");
    if (s.endsWith("\\")) {
      s = s.substring(0, s.length() - 1); // properties continuation
    }
    return s.strip();
  }
}
