package dev.keyaudit.scanner.jca;

import java.util.Base64;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Recognises private key material written into a string: a PEM private key block with a body, or
 * base64 text that decodes to a DER private key (PKCS#8, encrypted PKCS#8, PKCS#1 RSA, SEC1 EC).
 * The DER structure is checked, so a certificate, a public key or any other long base64 blob is not
 * reported.
 */
public final class EmbeddedKeyDetector {

  /** A PEM body shorter than this is a header in parsing code, not a key. */
  public static final int MIN_PEM_BODY = 64;

  /** Base64 for fewer bytes cannot hold a private key of any approved size. */
  public static final int MIN_DER_BYTES = 64;

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ((?:RSA |EC |DSA |ENCRYPTED |OPENSSH )?PRIVATE KEY)-----");

  private EmbeddedKeyDetector() {}

  /** The kind of key the text holds ("PEM RSA PRIVATE KEY", "base64 PKCS#8 private key"). */
  public static Optional<String> detect(String text) {
    if (text.length() < MIN_DER_BYTES) {
      return Optional.empty();
    }
    Matcher pem = PEM.matcher(text);
    if (pem.find()) {
      int bodyEnd = text.indexOf("-----END", pem.end());
      String body = text.substring(pem.end(), bodyEnd < 0 ? text.length() : bodyEnd);
      return base64Length(body) >= MIN_PEM_BODY
          ? Optional.of("PEM " + pem.group(1))
          : Optional.empty();
    }
    return derKind(text);
  }

  private static int base64Length(String body) {
    int n = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (isBase64(c)) {
        n++;
      }
    }
    return n;
  }

  private static Optional<String> derKind(String text) {
    StringBuilder compact = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        continue;
      }
      if (!isBase64(c) && c != '=') {
        return Optional.empty();
      }
      compact.append(c);
    }
    if (compact.length() < MIN_DER_BYTES * 4 / 3) {
      return Optional.empty();
    }
    // A DER SEQUENCE with a long-form length starts "MI"; with a short one, "M" + 'A'..'f'.
    if (compact.charAt(0) != 'M') {
      return Optional.empty();
    }
    byte[] der;
    try {
      String s = compact.toString();
      der =
          s.indexOf('-') >= 0 || s.indexOf('_') >= 0
              ? Base64.getUrlDecoder().decode(s)
              : Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return Optional.ofNullable(privateKeyKind(der));
  }

  /** The DER private key format of {@code der}, or null. */
  public static String privateKeyKind(byte[] der) {
    DerReader outer = DerReader.of(der);
    DerReader.Element top = outer.next();
    if (top == null || top.tag() != DerReader.SEQUENCE || !outer.atEnd()) {
      return null;
    }
    DerReader seq = outer.inside(top);
    DerReader.Element first = seq.next();
    if (first == null) {
      return null;
    }
    if (first.tag() == DerReader.SEQUENCE) {
      // EncryptedPrivateKeyInfo: AlgorithmIdentifier, OCTET STRING (a public key has a BIT STRING).
      DerReader.Element algorithm = seq.inside(first).next();
      DerReader.Element data = seq.next();
      return algorithm != null
              && algorithm.tag() == DerReader.OID
              && data != null
              && data.tag() == DerReader.OCTET_STRING
              && seq.atEnd()
          ? "base64 encrypted PKCS#8 private key"
          : null;
    }
    int version = seq.smallInteger(first);
    if (version < 0) {
      return null;
    }
    DerReader.Element second = seq.next();
    if (second == null) {
      return null;
    }
    if ((version == 0 || version == 1) && second.tag() == DerReader.SEQUENCE) {
      // PrivateKeyInfo: version, AlgorithmIdentifier { OID ... }, OCTET STRING privateKey.
      DerReader.Element oid = seq.inside(second).next();
      DerReader.Element key = seq.next();
      return oid != null
              && oid.tag() == DerReader.OID
              && key != null
              && key.tag() == DerReader.OCTET_STRING
          ? "base64 PKCS#8 private key"
          : null;
    }
    if (version == 0 && second.tag() == DerReader.INTEGER) {
      // RSAPrivateKey: version, n, e, d, p, q, dP, dQ, qInv.
      int integers = 2;
      while (!seq.atEnd()) {
        DerReader.Element e = seq.next();
        if (e == null || e.tag() != DerReader.INTEGER) {
          return null;
        }
        integers++;
      }
      return integers == 9 ? "base64 PKCS#1 RSA private key" : null;
    }
    if (version == 1 && second.tag() == DerReader.OCTET_STRING && second.length() >= 20) {
      return "base64 SEC1 EC private key"; // ECPrivateKey: version 1, privateKey OCTET STRING
    }
    return null;
  }

  private static boolean isBase64(char c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '+'
        || c == '/'
        || c == '-'
        || c == '_';
  }
}
