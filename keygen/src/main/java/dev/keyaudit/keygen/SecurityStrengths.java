package dev.keyaudit.keygen;

import java.util.Map;

/**
 * Security strength of a requested key, from NIST SP 800-57 Part 1 Rev 5 Table 2 (comparable
 * strengths), SP 800-186 (curves) and FIPS 203/204 (the RBG strength each ML-KEM/ML-DSA parameter
 * set requires). SP 800-133 Rev 2 asks for a DRBG at least this strong.
 */
final class SecurityStrengths {

  /** DRBG instantiation strengths SP 800-90A defines. */
  static final int[] DRBG_STRENGTHS = {112, 128, 192, 256};

  private static final Map<String, Integer> NAMED =
      Map.ofEntries(
          Map.entry("secp224r1", 112),
          Map.entry("secp256r1", 128),
          Map.entry("secp384r1", 192),
          Map.entry("secp521r1", 256),
          Map.entry("brainpoolP256r1", 128),
          Map.entry("brainpoolP320r1", 160),
          Map.entry("brainpoolP384r1", 192),
          Map.entry("brainpoolP512r1", 256),
          Map.entry("Ed25519", 128),
          Map.entry("X25519", 128),
          Map.entry("Ed448", 224),
          Map.entry("X448", 224),
          Map.entry("ML-KEM-512", 128),
          Map.entry("ML-KEM-768", 192),
          Map.entry("ML-KEM-1024", 256),
          Map.entry("ML-DSA-44", 128),
          Map.entry("ML-DSA-65", 192),
          Map.entry("ML-DSA-87", 256));

  private SecurityStrengths() {}

  static int of(KeyRequest request) {
    return switch (request.family()) {
      case AES -> request.sizeBits();
      // HMAC strength is bounded by the key and, for RBG purposes, never needs more than 256.
      case HMAC -> Math.min(request.sizeBits(), 256);
      case RSA -> ifc(request.sizeBits());
      case EC, EDDSA, XDH, ML_KEM, ML_DSA -> {
        Integer s = NAMED.get(request.parameterName());
        if (s == null) {
          throw new IllegalArgumentException("no known strength for " + request.parameterName());
        }
        yield s;
      }
    };
  }

  /** RSA (IFC) modulus length to strength, SP 800-57 Pt 1 Table 2. */
  static int ifc(int modulusBits) {
    if (modulusBits >= 15360) {
      return 256;
    }
    if (modulusBits >= 7680) {
      return 192;
    }
    if (modulusBits >= 3072) {
      return 128;
    }
    if (modulusBits >= 2048) {
      return 112;
    }
    return 80;
  }

  /** The smallest SP 800-90A DRBG strength that is at least {@code bits}, capped at 256. */
  static int drbgStrengthFor(int bits) {
    for (int s : DRBG_STRENGTHS) {
      if (s >= bits) {
        return s;
      }
    }
    return 256;
  }
}
