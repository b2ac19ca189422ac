package dev.keyaudit.rules.jca;

import java.util.Map;
import java.util.OptionalInt;

/**
 * Security strength in bits of a key, per NIST SP 800-57 Part 1 Rev. 5 §5.6.1, Table 2 (comparable
 * strengths) and Table 3 (hash functions in HMAC). Table 2 gives discrete rows, so sizes between
 * rows take the strength of the row below: RSA-4096 counts as 128, not ~152.
 */
public final class SecurityStrength {

  /** Highest strength of Table 2: a 256-bit DRBG suffices for any key. */
  public static final int MAX = 256;

  /** Strength this class returns for sizes below the lowest row of Table 2 (under 80 bits). */
  public static final int BELOW_TABLE = 0;

  // Table 3: strength of HMAC by hash (preimage resistance), capped by the key length.
  private static final Map<String, Integer> HMAC_HASH_STRENGTH =
      Map.ofEntries(
          Map.entry("MD5", 64),
          Map.entry("SHA-1", 128),
          Map.entry("SHA-224", 192),
          Map.entry("SHA-512/224", 192),
          Map.entry("SHA3-224", 192),
          Map.entry("SHA-256", 256),
          Map.entry("SHA-512/256", 256),
          Map.entry("SHA3-256", 256),
          Map.entry("SHA-384", 256),
          Map.entry("SHA3-384", 256),
          Map.entry("SHA-512", 256),
          Map.entry("SHA3-512", 256));

  // NIST security categories 1/3/5 of FIPS 203/204 as classical strengths (SP 800-133 Rev. 2
  // asks a 256-bit DRBG for ML-KEM-1024 and ML-DSA-87).
  private static final Map<String, Integer> PARAMETER_SET_STRENGTH =
      Map.of(
          "ML-KEM-512", 128,
          "ML-KEM-768", 192,
          "ML-KEM-1024", 256,
          "ML-DSA-44", 128,
          "ML-DSA-65", 192,
          "ML-DSA-87", 256);

  private SecurityStrength() {}

  /** Strength of a post-quantum parameter set ("ML-KEM-768" → 192), when known. */
  public static OptionalInt ofParameterSet(String parameterSet) {
    Integer strength = parameterSet == null ? null : PARAMETER_SET_STRENGTH.get(parameterSet);
    return strength == null ? OptionalInt.empty() : OptionalInt.of(strength);
  }

  /** IFC/FFC (RSA modulus k, DSA/DH prime L). */
  public static int ofFiniteField(int bits) {
    if (bits >= 15360) {
      return 256;
    }
    if (bits >= 7680) {
      return 192;
    }
    if (bits >= 3072) {
      return 128;
    }
    if (bits >= 2048) {
      return 112;
    }
    return bits >= 1024 ? 80 : BELOW_TABLE;
  }

  /** ECC by the bit length f of the group order. */
  public static int ofEllipticCurveOrder(int orderBits) {
    if (orderBits >= 512) {
      return 256;
    }
    if (orderBits >= 384) {
      return 192;
    }
    if (orderBits >= 256) {
      return 128;
    }
    if (orderBits >= 224) {
      return 112;
    }
    return orderBits >= 160 ? 80 : BELOW_TABLE;
  }

  /**
   * Strength of a key of {@code algorithm} with {@code bits} (and {@code curve} for curve-based
   * algorithms). Empty when the algorithm or the size is not enough to tell.
   */
  public static OptionalInt of(JcaAlgorithm algorithm, Integer bits, Curve curve) {
    if (curve != null) {
      return OptionalInt.of(curve.strength());
    }
    int keyBits = bits != null ? bits : algorithm.fixedKeyBits();
    if (keyBits <= 0) {
      return OptionalInt.empty();
    }
    if (algorithm.sizeFamily() != null) {
      return switch (algorithm.sizeFamily()) {
        case RSA, DSA, DH -> OptionalInt.of(ofFiniteField(keyBits));
        case EC -> OptionalInt.of(ofEllipticCurveOrder(keyBits));
        case AES -> OptionalInt.of(keyBits);
        case HMAC -> OptionalInt.of(Math.min(keyBits, hmacHashStrength(algorithm.digest())));
      };
    }
    return switch (algorithm.name()) {
      // Table 2: 3TDEA (168-bit key) 112, 2TDEA (112-bit key) 80.
      case "DESede" -> OptionalInt.of(keyBits >= 168 ? 112 : 80);
      case "DES" -> OptionalInt.of(56);
      default -> OptionalInt.empty();
    };
  }

  /** e.g. "112-bit" or "< 80-bit". */
  public static String describe(int strength) {
    return strength == BELOW_TABLE ? "< 80-bit" : strength + "-bit";
  }

  private static int hmacHashStrength(String digest) {
    return digest == null ? BELOW_TABLE : HMAC_HASH_STRENGTH.getOrDefault(digest, BELOW_TABLE);
  }
}
