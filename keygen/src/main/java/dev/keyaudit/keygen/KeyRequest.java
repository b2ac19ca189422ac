package dev.keyaudit.keygen;

import java.util.Objects;

/**
 * What a caller asked for, before any policy check: the family, the JCA algorithm name, the size in
 * bits and, for curves and named parameter sets, the name.
 *
 * @param family key family
 * @param algorithm JCA algorithm name ("AES", "HmacSHA384", "RSA", "EC", "Ed25519", "ML-KEM")
 * @param sizeBits key size in bits (AES/HMAC key length, RSA modulus, curve field size); 0 for
 *     named parameter sets, whose size is not a bit length (ML-KEM, ML-DSA)
 * @param parameterName curve or parameter set name ("secp384r1", "Ed25519", "ML-KEM-1024"), or null
 */
public record KeyRequest(KeyFamily family, String algorithm, int sizeBits, String parameterName) {

  public KeyRequest {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(algorithm, "algorithm");
  }

  /** Security strength in bits the key is meant to provide (NIST SP 800-57 Pt 1, FIPS 203/204). */
  public int securityStrength() {
    return SecurityStrengths.of(this);
  }

  /** Short human label: "AES-256", "RSA-3072", "EC secp384r1", "ML-KEM-1024". */
  public String label() {
    return switch (family) {
      case AES, RSA -> algorithm + "-" + sizeBits;
      case HMAC -> algorithm + " (" + sizeBits + "-bit key)";
      case EC -> "EC " + parameterName;
      case EDDSA, XDH, ML_KEM, ML_DSA -> parameterName;
    };
  }
}
