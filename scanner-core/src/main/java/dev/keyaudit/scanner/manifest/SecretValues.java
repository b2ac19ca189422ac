package dev.keyaudit.scanner.manifest;

import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Decides whether a value can be a real secret: placeholders ({@code ${X}}, {@code {{ x }}}, {@code
 * <changeme>}, {@code EXAMPLE}, {@code xxxx}) and already-protected values (jasypt {@code
 * ENC(...)}, {@code {cipher}...}, SOPS, Ansible Vault, Vault references) are not. Also measures
 * entropy and base64/hex decoded length.
 */
final class SecretValues {

  /** Template expressions, wherever they are in a value. */
  private static final Pattern TEMPLATE = Pattern.compile("\\$\\{\\{.*}}|\\{\\{.*}}|\\$\\{[^}]*}");

  /** References that are placeholders only as the whole value ({@code $VAR}, {@code var.x}). */
  private static final Pattern WHOLE_REFERENCE =
      Pattern.compile(
          "^(?:\\$[A-Za-z_][A-Za-z0-9_]*|\\$\\([^)]*\\)|`[^`]*`|%[A-Za-z_]+%|@[A-Za-z_.]+@|(?:var|local|data|module)\\.[A-Za-z0-9_.]+)$");

  /** Maven's settings-security encryption: {@code {base64}}. */
  private static final Pattern MAVEN_ENCRYPTED = Pattern.compile("^\\{[A-Za-z0-9+/]{12,}={0,2}}$");

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z_.\\-/:\\[\\]]*");
  private static final Pattern PLAIN_WORD = Pattern.compile("[a-z]{2,}[.,;:!?]?");
  private static final Pattern ANGLE = Pattern.compile("^<[^<>]*>$");
  private static final Pattern REPEATED = Pattern.compile("^(.)\\1*$");
  private static final Pattern BASE64 = Pattern.compile("^[A-Za-z0-9+/_-]+={0,2}$");
  private static final Pattern HEX = Pattern.compile("^(?:[0-9a-fA-F]{2})+$");

  private SecretValues() {}

  /** True for values that stand for a secret rather than being one. */
  static boolean isPlaceholder(String raw) {
    String v = unquote(raw.trim());
    if (v.isEmpty() || v.length() < 3) {
      return true;
    }
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.equals("true")
        || lower.equals("false")
        || lower.equals("null")
        || lower.equals("none")) {
      return true;
    }
    if (TEMPLATE.matcher(v).find()
        || WHOLE_REFERENCE.matcher(v).matches()
        || ANGLE.matcher(v).matches()
        || REPEATED.matcher(v).matches()) {
      return true;
    }
    return v.contains("EXAMPLE")
        || lower.contains("xxxx")
        || lower.contains("****")
        || lower.contains("redacted")
        || lower.contains("your-")
        || lower.contains("your_")
        || lower.startsWith("/")
        || lower.startsWith("file:")
        || lower.startsWith("classpath:")
        || lower.startsWith("env:")
        || lower.startsWith("file://");
  }

  /** True for values that are encrypted or references to a secret store. */
  static boolean isProtected(String raw) {
    String v = unquote(raw.trim());
    return v.startsWith("ENC(")
        || v.startsWith("{cipher}")
        || v.startsWith("ENC[")
        || v.startsWith("$ANSIBLE_VAULT")
        || v.startsWith("vault:")
        || v.startsWith("secret://")
        || v.startsWith("{{resolve:")
        || v.startsWith("arn:aws:secretsmanager")
        || v.startsWith("sm://")
        || v.startsWith("AgB") // SealedSecrets ciphertext prefix
        || MAVEN_ENCRYPTED.matcher(v).matches(); // Maven
  }

  /** Neither a placeholder nor protected: worth judging. */
  static boolean isLiteralSecret(String value) {
    return !isPlaceholder(value) && !isProtected(value);
  }

  /**
   * Sentences are not secrets: descriptions in schemas and docs under secret-like names. A value
   * with three or more plain lower-case words is prose; passwords may be passphrases, so for them
   * it takes five.
   */
  static boolean isProse(String value, boolean passphraseAllowed) {
    long words = 0;
    for (String token : value.strip().split("\\s+")) {
      if (PLAIN_WORD.matcher(token).matches()) {
        words++;
      }
    }
    return words >= (passphraseAllowed ? 5 : 3);
  }

  /**
   * Letters joined by dots, dashes, slashes or underscores, without a digit: a name, not a secret.
   */
  static boolean isIdentifier(String value) {
    return IDENTIFIER.matcher(value).matches();
  }

  static String unquote(String v) {
    if (v.length() >= 2
        && ((v.startsWith("\"") && v.endsWith("\"")) || (v.startsWith("'") && v.endsWith("'")))) {
      return v.substring(1, v.length() - 1);
    }
    return v;
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String s) {
    if (s.isEmpty()) {
      return 0;
    }
    Map<Character, Integer> counts = new HashMap<>();
    for (int i = 0; i < s.length(); i++) {
      counts.merge(s.charAt(i), 1, Integer::sum);
    }
    double h = 0;
    for (int c : counts.values()) {
      double p = (double) c / s.length();
      h -= p * (Math.log(p) / Math.log(2));
    }
    return h;
  }

  /**
   * Bytes the value decodes to when it is hex (even length, at least 32 digits) or base64 (at least
   * 16 characters, valid padding); 0 otherwise.
   */
  static int decodedLength(String value) {
    String v = value.trim();
    if (v.length() >= 32 && HEX.matcher(v).matches()) {
      return v.length() / 2;
    }
    if (v.length() >= 16 && BASE64.matcher(v).matches()) {
      byte[] bytes = decodeBase64(v);
      return bytes == null ? 0 : bytes.length;
    }
    return 0;
  }

  /** Standard or URL-safe base64 (padding optional, line breaks ignored), or null. */
  static byte[] decodeBase64(String value) {
    String v = value.replaceAll("\\s+", "");
    if (v.isEmpty()) {
      return null;
    }
    try {
      if (v.indexOf('-') >= 0 || v.indexOf('_') >= 0) {
        return Base64.getUrlDecoder().decode(v.replace("=", ""));
      }
      if (v.length() % 4 != 0 && v.indexOf('=') < 0) {
        return Base64.getDecoder().decode(v + "=".repeat((4 - v.length() % 4) % 4));
      }
      return Base64.getDecoder().decode(v);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
