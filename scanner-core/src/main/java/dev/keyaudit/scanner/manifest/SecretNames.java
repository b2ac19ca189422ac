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
    String last = lastSegments(name);
    if (full.contains("truststore")) {
      return credentialUnlessExcluded(last);
    }
    if (last.contains("keystorepass")
        || last.contains("storepass")
        || last.contains("keypass")
        || last.contains("keystoresecret")
        || flat.endsWith("keystorepassword")
        || flat.endsWith("keystoresecret")
        || flat.endsWith("sslpassword")
        || flat.endsWith("sslkeypassword")
        || full.contains("privatekeypassword")
        || full.contains("privatekeypassphrase")) {
      return Optional.of(Kind.KEY_PASSWORD);
    }
    if (flat.endsWith("encryptkey")
        || flat.contains("jasyptencryptorpassword")
        || last.contains("aeskey")
        || last.contains("encryptionkey")
        || last.contains("cipherkey")
        || last.contains("masterkey")
        || last.contains("datakey")
        || last.contains("symmetrickey")
        || last.equals("secretkey")
        || last.endsWith(".secretkey")) {
      return excluded(last) ? Optional.empty() : Optional.of(Kind.SYMMETRIC_KEY);
    }
    if ((full.contains("jwt") && (last.contains("secret") || last.endsWith("key")))
        || last.contains("hmacsecret")
        || last.contains("hmackey")
        || last.contains("signingkey")
        || last.contains("signingsecret")
        || last.contains("tokensecret")
        || last.contains("base64secret")) {
      return excluded(last) ? Optional.empty() : Optional.of(Kind.SIGNING_SECRET);
    }
    return credentialUnlessExcluded(last);
  }

  private static Optional<Kind> credentialUnlessExcluded(String last) {
    boolean credential =
        last.contains("password")
            || last.contains("passwd")
            || last.endsWith("pwd")
            || last.contains("secret")
            || last.contains("token")
            || last.contains("apikey")
            || last.contains("privatekey")
            || last.contains("credential")
            || last.endsWith("passphrase");
    return credential && !excluded(last) ? Optional.of(Kind.CREDENTIAL) : Optional.empty();
  }

  private static boolean excluded(String last) {
    String tail = last.substring(last.lastIndexOf('.') + 1);
    for (String suffix : NOT_SECRET_SUFFIXES) {
      if (tail.endsWith(suffix) && !tail.equals("secret") && !tail.endsWith("password")) {
        return true;
      }
    }
    return false;
  }

  /** The last two dotted segments: "server.ssl.key-store-password" gives "ssl.keystorepassword". */
  private static String lastSegments(String name) {
    String c = canonical(name);
    int last = c.lastIndexOf('.');
    if (last < 0) {
      return c;
    }
    int before = c.lastIndexOf('.', last - 1);
    return c.substring(before + 1);
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
