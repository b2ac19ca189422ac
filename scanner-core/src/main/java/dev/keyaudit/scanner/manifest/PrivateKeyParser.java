package dev.keyaudit.scanner.manifest;

import java.math.BigInteger;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Confirms that decoded key bytes are a private key and reads its algorithm and size: PKCS#1 RSA,
 * SEC1 EC, DSA, PKCS#8 (RSA, EC, DSA, EdDSA, XDH), encrypted PKCS#8, OpenSSH {@code openssh-key-v1}
 * and OpenPGP secret-key packets. Bytes that do not parse are not a key (a placeholder or a
 * truncated example), so callers drop them.
 */
final class PrivateKeyParser {

  private static final Map<String, String> CURVES =
      Map.of(
          "1.2.840.10045.3.1.7", "secp256r1",
          "1.3.132.0.34", "secp384r1",
          "1.3.132.0.35", "secp521r1",
          "1.3.132.0.33", "secp224r1",
          "1.2.840.10045.3.1.1", "secp192r1",
          "1.3.132.0.10", "secp256k1",
          "1.3.36.3.3.2.8.1.1.7", "brainpoolP256r1",
          "1.3.36.3.3.2.8.1.1.11", "brainpoolP384r1",
          "1.3.36.3.3.2.8.1.1.13", "brainpoolP512r1");

  private static final Map<String, Integer> CURVE_BITS =
      Map.of(
          "secp256r1",
          256,
          "secp384r1",
          384,
          "secp521r1",
          521,
          "secp224r1",
          224,
          "secp192r1",
          192,
          "secp256k1",
          256,
          "brainpoolP256r1",
          256,
          "brainpoolP384r1",
          384,
          "brainpoolP512r1",
          512);

  private PrivateKeyParser() {}

  /** Parses the DER body of a PEM block of the given type ("RSA PRIVATE KEY", "PRIVATE KEY"...). */
  static Optional<ParsedKey> parsePem(String type, byte[] der, boolean procTypeEncrypted) {
    try {
      return switch (type) {
        case "RSA PRIVATE KEY" ->
            procTypeEncrypted
                ? Optional.of(new ParsedKey("RSA", 0, null, true))
                : Optional.of(pkcs1(Der.read(der)));
        case "EC PRIVATE KEY" ->
            procTypeEncrypted
                ? Optional.of(new ParsedKey("EC", 0, null, true))
                : Optional.of(sec1(Der.read(der)));
        case "DSA PRIVATE KEY" ->
            procTypeEncrypted
                ? Optional.of(new ParsedKey("DSA", 0, null, true))
                : Optional.of(dsa(Der.read(der)));
        case "PRIVATE KEY" -> Optional.of(pkcs8(Der.read(der)));
        case "ENCRYPTED PRIVATE KEY" -> encryptedPkcs8(Der.read(der));
        case "OPENSSH PRIVATE KEY" -> openssh(der);
        case "PGP PRIVATE KEY BLOCK" -> pgp(der);
        default -> Optional.empty();
      };
    } catch (IllegalArgumentException | IndexOutOfBoundsException | ArithmeticException e) {
      return Optional.empty();
    } catch (BufferUnderflowException e) {
      return Optional.empty();
    }
  }

  /** PKCS#8 PrivateKeyInfo, or PKCS#1/SEC1 when the bytes are those (keys in binary files). */
  static Optional<ParsedKey> parseDer(byte[] der) {
    for (String type : List.of("PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY")) {
      Optional<ParsedKey> key = parsePem(type, der, false);
      if (key.isPresent()) {
        return key;
      }
    }
    return Optional.empty();
  }

  private static ParsedKey pkcs1(Der.Element seq) {
    List<Der.Element> f = seq.children();
    if (f.size() < 9) {
      throw new IllegalArgumentException("not PKCS#1");
    }
    BigInteger modulus = f.get(1).integer();
    f.get(3).integer(); // private exponent must be an INTEGER too
    return new ParsedKey("RSA", modulus.bitLength(), null, false);
  }

  private static ParsedKey sec1(Der.Element seq) {
    List<Der.Element> f = seq.children();
    if (f.size() < 2 || f.get(1).tag() != Der.OCTET_STRING) {
      throw new IllegalArgumentException("not SEC1");
    }
    String curve = null;
    for (Der.Element e : f) {
      if (e.tag() == 0xa0) {
        curve = curveName(e.children().get(0).oid());
      }
    }
    int bits = curve != null ? CURVE_BITS.getOrDefault(curve, 0) : f.get(1).length() * 8;
    return new ParsedKey("EC", bits, curve, false);
  }

  private static ParsedKey dsa(Der.Element seq) {
    List<Der.Element> f = seq.children();
    if (f.size() < 6) {
      throw new IllegalArgumentException("not a DSA key");
    }
    return new ParsedKey("DSA", f.get(1).integer().bitLength(), null, false);
  }

  private static ParsedKey pkcs8(Der.Element seq) {
    List<Der.Element> f = seq.children();
    if (f.size() < 3 || f.get(2).tag() != Der.OCTET_STRING) {
      throw new IllegalArgumentException("not PKCS#8");
    }
    List<Der.Element> algId = f.get(1).children();
    String oid = algId.get(0).oid();
    byte[] inner = f.get(2).bytes();
    return switch (oid) {
      case "1.2.840.113549.1.1.1", "1.2.840.113549.1.1.10" -> {
        ParsedKey rsa = pkcs1(Der.read(inner));
        yield oid.endsWith(".10") ? new ParsedKey("RSASSA-PSS", rsa.bits(), null, false) : rsa;
      }
      case "1.2.840.10045.2.1" -> {
        String curve =
            algId.size() > 1 && algId.get(1).tag() == Der.OID
                ? curveName(algId.get(1).oid())
                : null;
        int bits = curve != null ? CURVE_BITS.getOrDefault(curve, 0) : 0;
        yield new ParsedKey("EC", bits, curve, false);
      }
      case "1.2.840.10040.4.1" -> {
        BigInteger p = algId.get(1).children().get(0).integer();
        yield new ParsedKey("DSA", p.bitLength(), null, false);
      }
      case "1.2.840.113549.1.3.1" -> {
        BigInteger p = algId.get(1).children().get(0).integer();
        yield new ParsedKey("DH", p.bitLength(), null, false);
      }
      case "1.3.101.112" -> new ParsedKey("Ed25519", 255, "Ed25519", false);
      case "1.3.101.113" -> new ParsedKey("Ed448", 448, "Ed448", false);
      case "1.3.101.110" -> new ParsedKey("X25519", 255, "X25519", false);
      case "1.3.101.111" -> new ParsedKey("X448", 448, "X448", false);
      default -> new ParsedKey("OID " + oid, 0, null, false);
    };
  }

  private static Optional<ParsedKey> encryptedPkcs8(Der.Element seq) {
    List<Der.Element> f = seq.children();
    if (f.size() != 2 || f.get(0).tag() != Der.SEQUENCE || f.get(1).tag() != Der.OCTET_STRING) {
      return Optional.empty();
    }
    f.get(0).children().get(0).oid();
    return Optional.of(new ParsedKey("unknown", 0, null, true));
  }

  private static Optional<ParsedKey> openssh(byte[] data) {
    byte[] magic = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    if (data.length < magic.length) {
      return Optional.empty();
    }
    for (int i = 0; i < magic.length; i++) {
      if (data[i] != magic[i]) {
        return Optional.empty();
      }
    }
    ByteBuffer buf = ByteBuffer.wrap(data, magic.length, data.length - magic.length);
    String cipher = new String(sshString(buf), StandardCharsets.US_ASCII);
    sshString(buf); // kdf name
    sshString(buf); // kdf options
    if (buf.getInt() < 1) {
      return Optional.empty();
    }
    ByteBuffer pub = ByteBuffer.wrap(sshString(buf));
    String type = new String(sshString(pub), StandardCharsets.US_ASCII);
    boolean encrypted = !"none".equals(cipher);
    return Optional.of(
        switch (type) {
          case "ssh-rsa" -> {
            sshString(pub); // e
            yield new ParsedKey(
                "RSA", new BigInteger(1, sshString(pub)).bitLength(), null, encrypted);
          }
          case "ssh-dss" ->
              new ParsedKey("DSA", new BigInteger(1, sshString(pub)).bitLength(), null, encrypted);
          case "ecdsa-sha2-nistp256" -> new ParsedKey("EC", 256, "secp256r1", encrypted);
          case "ecdsa-sha2-nistp384" -> new ParsedKey("EC", 384, "secp384r1", encrypted);
          case "ecdsa-sha2-nistp521" -> new ParsedKey("EC", 521, "secp521r1", encrypted);
          case "ssh-ed25519" -> new ParsedKey("Ed25519", 255, "Ed25519", encrypted);
          default -> new ParsedKey(type, 0, null, encrypted);
        });
  }

  private static byte[] sshString(ByteBuffer buf) {
    int len = buf.getInt();
    if (len < 0 || len > buf.remaining()) {
      throw new IllegalArgumentException("bad SSH string");
    }
    byte[] b = new byte[len];
    buf.get(b);
    return b;
  }

  /** OpenPGP: the first packet must be a secret key (tag 5); v4 carries algorithm and MPIs. */
  private static Optional<ParsedKey> pgp(byte[] data) {
    if (data.length < 8 || (data[0] & 0x80) == 0) {
      return Optional.empty();
    }
    int header = data[0] & 0xff;
    int tag;
    int pos;
    if ((header & 0x40) != 0) {
      tag = header & 0x3f;
      int first = data[1] & 0xff;
      pos = first < 192 ? 2 : first < 224 ? 3 : 6;
    } else {
      tag = (header >> 2) & 0x0f;
      int lengthType = header & 0x03;
      pos = 1 + (lengthType == 0 ? 1 : lengthType == 1 ? 2 : lengthType == 2 ? 4 : 0);
    }
    if (tag != 5 || pos + 8 > data.length || data[pos] != 4) {
      return Optional.empty();
    }
    int algorithm = data[pos + 5] & 0xff;
    int mpiBits = ((data[pos + 6] & 0xff) << 8) | (data[pos + 7] & 0xff);
    boolean encrypted = pgpSecretEncrypted(data, pos + 6, algorithm);
    return Optional.of(
        switch (algorithm) {
          case 1, 2, 3 -> new ParsedKey("RSA", mpiBits, null, encrypted);
          case 17 -> new ParsedKey("DSA", mpiBits, null, encrypted);
          case 16 -> new ParsedKey("ElGamal", mpiBits, null, encrypted);
          case 18 -> new ParsedKey("ECDH", 0, null, encrypted);
          case 19 -> new ParsedKey("EC", 0, null, encrypted);
          case 22 -> new ParsedKey("EdDSA", 255, "Ed25519", encrypted);
          default -> new ParsedKey("PGP algorithm " + algorithm, 0, null, encrypted);
        });
  }

  /**
   * Skips the public key fields of a v4 secret-key packet and reads the S2K usage octet: 0 means
   * the secret fields are in the clear. Unknown layouts count as encrypted (the cautious answer
   * only lowers the finding to a warning).
   */
  private static boolean pgpSecretEncrypted(byte[] data, int fieldsStart, int algorithm) {
    try {
      return pgpS2kUsage(data, fieldsStart, algorithm);
    } catch (IndexOutOfBoundsException e) {
      return true;
    }
  }

  private static boolean pgpS2kUsage(byte[] data, int fieldsStart, int algorithm) {
    int pos = fieldsStart;
    int mpis;
    switch (algorithm) {
      case 1, 2, 3 -> mpis = 2; // n, e
      case 17 -> mpis = 4; // p, q, g, y
      case 16 -> mpis = 3; // p, g, y
      case 19, 22 -> {
        pos += 1 + (data[pos] & 0xff); // curve OID
        mpis = 1; // public point
      }
      case 18 -> {
        pos += 1 + (data[pos] & 0xff); // curve OID
        pos = skipMpi(data, pos); // public point
        int s2k = pos < data.length ? pos + 1 + (data[pos] & 0xff) : data.length; // KDF params
        return s2k >= data.length || data[s2k] != 0;
      }
      default -> {
        return true;
      }
    }
    for (int i = 0; i < mpis; i++) {
      pos = skipMpi(data, pos);
    }
    return pos >= data.length || data[pos] != 0;
  }

  private static int skipMpi(byte[] data, int pos) {
    if (pos + 2 > data.length) {
      return data.length;
    }
    int bits = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
    return pos + 2 + (bits + 7) / 8;
  }

  private static String curveName(String oid) {
    return CURVES.getOrDefault(oid, oid);
  }
}
