package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.facts.SecretInConfig.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Classifies a setting, variable or option name by the secret it would hold: a key password, a
 * symmetric key, a signing secret, or a generic credential. Names are compared in Spring's relaxed
 * form (lower case, no dashes or underscores), on the last segments of dotted keys.
 */
final class SecretNames {

  /** Names that contain credential words but hold no secret (sizes, aliases, file paths...). */
  private static final List<String> NOT_SECRET_SUFFIXES =
      List.of(
          "size",
          "length",
          "bits",
          "alias",
          "type",
          "file",
          "path",
          "location",
          "dir",
          "uri",
          "url",
          "name",
          "ref",
          "id",
          "enabled",
          "algorithm",
          "alg",
          "provider",
          "format",
          "mode",
          "expiration",
          "expiry",
          "ttl",
          "validity",
          "header",
          "prefix",
          "store",
          "policy",
          "spec",
          "usage",
          "purpose",
          "opts",
          "generator",
          "literals",
          "files",
          "seconds",
          "period",
          "rotation",
          "count",
          "timeout",
          "version",
          "class",
          "issuer",
          "audience",
          "format");

  private SecretNames() {}

  static Optional<Kind> classify(String name) {
    String full = canonical(name);
    String flat = full.replace(".", ""); // environment-variable spelling of the same name
    String tail = full.substring(full.lastIndexOf('.') + 1); // the setting's own name
    if (excluded(tail)) {
      return Optional.empty();
    }
    if (full.contains("truststore")) {
      return credential(tail); // truststores protect certificates, not keys
    }
    if (containsAny(tail, "keystorepass", "storepass", "keypass", "keystoresecret")
        || endsWithAny(
            flat,
            "keystorepassword",
            "keystoresecret",
            "sslpassword",
            "sslkeypassword",
            "privatekeypassword",
            "privatekeypassphrase")) {
      return Optional.of(Kind.KEY_PASSWORD);
    }
    if (endsWithAny(flat, "encryptkey", "aeskey")
        || flat.contains("jasyptencryptorpassword")
        || containsAny(
            tail, "aeskey", "encryptionkey", "cipherkey", "masterkey", "datakey", "symmetrickey")
        || tail.equals("secretkey")) {
      return Optional.of(Kind.SYMMETRIC_KEY);
    }
    if ((full.contains("jwt") && (tail.contains("secret") || tail.endsWith("key")))
        || containsAny(
            tail,
            "hmacsecret",
            "hmackey",
            "signingkey",
            "signingsecret",
            "tokensecret",
            "base64secret")) {
      return Optional.of(Kind.SIGNING_SECRET);
    }
    return credential(tail);
  }

  private static Optional<Kind> credential(String tail) {
    boolean credential =
        containsAny(
                tail, "password", "passwd", "secret", "token", "apikey", "privatekey", "credential")
            || tail.endsWith("pwd")
            || tail.endsWith("passphrase");
    return credential ? Optional.of(Kind.CREDENTIAL) : Optional.empty();
  }

  /** Names such as {@code key-size}, {@code password-file}, {@code secret-name}: no secret. */
  private static boolean excluded(String tail) {
    if (tail.equals("secret") || tail.endsWith("password")) {
      return false;
    }
    for (String suffix : NOT_SECRET_SUFFIXES) {
      if (tail.endsWith(suffix)) {
        return true;
      }
    }
    return false;
  }

  private static boolean containsAny(String s, String... parts) {
    for (String p : parts) {
      if (s.contains(p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean endsWithAny(String s, String... suffixes) {
    for (String p : suffixes) {
      if (s.endsWith(p)) {
        return true;
      }
    }
    return false;
  }

  static String canonical(String name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '-' && c != '_') {
        out.append(Character.toLowerCase(c));
      }
    }
    return out.toString().toLowerCase(Locale.ROOT).replaceAll("\\[\\d*]", "");
  }
}
