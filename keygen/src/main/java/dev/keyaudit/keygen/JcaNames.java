package dev.keyaudit.keygen;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Normalises the names callers use for curves and HMAC algorithms to the JDK's standard names, so a
 * policy compares like with like ("P-384" and "secp384r1" are the same curve).
 */
final class JcaNames {

  private static final Map<String, String> CURVE_ALIASES =
      Map.ofEntries(
          Map.entry("p-224", "secp224r1"),
          Map.entry("nist p-224", "secp224r1"),
          Map.entry("secp224r1", "secp224r1"),
          Map.entry("p-256", "secp256r1"),
          Map.entry("nist p-256", "secp256r1"),
          Map.entry("prime256v1", "secp256r1"),
          Map.entry("secp256r1", "secp256r1"),
          Map.entry("p-384", "secp384r1"),
          Map.entry("nist p-384", "secp384r1"),
          Map.entry("secp384r1", "secp384r1"),
          Map.entry("p-521", "secp521r1"),
          Map.entry("nist p-521", "secp521r1"),
          Map.entry("secp521r1", "secp521r1"),
          Map.entry("brainpoolp256r1", "brainpoolP256r1"),
          Map.entry("brainpoolp320r1", "brainpoolP320r1"),
          Map.entry("brainpoolp384r1", "brainpoolP384r1"),
          Map.entry("brainpoolp512r1", "brainpoolP512r1"));

  /** Every HMAC the JDK offers, so weak ones are recognised (and refused) rather than unknown. */
  static final List<String> HMAC_NAMES =
      List.of(
          "HmacMD5",
          "HmacSHA1",
          "HmacSHA224",
          "HmacSHA256",
          "HmacSHA384",
          "HmacSHA512",
          "HmacSHA512/224",
          "HmacSHA512/256",
          "HmacSHA3-224",
          "HmacSHA3-256",
          "HmacSHA3-384",
          "HmacSHA3-512");

  private JcaNames() {}

  /** The standard name of a curve, or the input unchanged when it is not a curve we know. */
  static String curve(String name) {
    return CURVE_ALIASES.getOrDefault(name.strip().toLowerCase(Locale.ROOT), name.strip());
  }

  /** The JCA spelling of an HMAC algorithm, or the input unchanged when it is not one. */
  static String hmac(String name) {
    for (String alg : HMAC_NAMES) {
      if (alg.equalsIgnoreCase(name.strip())) {
        return alg;
      }
    }
    return name.strip();
  }

  /** Field size in bits of a known curve, used as the EC key size; 0 when unknown. */
  static int curveBits(String curve) {
    return switch (curve) {
      case "secp224r1" -> 224;
      case "secp256r1", "brainpoolP256r1" -> 256;
      case "brainpoolP320r1" -> 320;
      case "secp384r1", "brainpoolP384r1" -> 384;
      case "brainpoolP512r1" -> 512;
      case "secp521r1" -> 521;
      default -> 0;
    };
  }
}
