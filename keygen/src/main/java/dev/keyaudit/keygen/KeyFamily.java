package dev.keyaudit.keygen;

/** The key families this generator produces; each maps to one JCA generator and one policy rule. */
public enum KeyFamily {
  /** AES secret key ({@code KeyGenerator "AES"}). */
  AES,
  /** HMAC secret key ({@code KeyGenerator "HmacSHA256"}...). */
  HMAC,
  /** RSA key pair. */
  RSA,
  /** EC key pair on a named curve (ECDSA/ECDH). */
  EC,
  /** EdDSA key pair: Ed25519 or Ed448. */
  EDDSA,
  /** XDH key-agreement key pair: X25519 or X448. */
  XDH,
  /** ML-KEM key pair (FIPS 203), JDK 24 or later. */
  ML_KEM,
  /** ML-DSA key pair (FIPS 204), JDK 24 or later. */
  ML_DSA;

  /** True for the classical public-key families that a quantum computer breaks (IR 8547). */
  public boolean quantumVulnerable() {
    return this == RSA || this == EC || this == EDDSA || this == XDH;
  }

  /** True for families that produce a {@code KeyPair} rather than a {@code SecretKey}. */
  public boolean asymmetric() {
    return this != AES && this != HMAC;
  }
}
