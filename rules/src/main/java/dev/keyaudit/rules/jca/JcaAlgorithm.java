package dev.keyaudit.rules.jca;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One algorithm as the JCA names it, with what the policy evaluator needs to know about it.
 *
 * @param name canonical JCA name ("DESede", "ARCFOUR", "EC")
 * @param kind what sort of primitive it is
 * @param sizeFamily the family whose minimum key size applies, or null
 * @param aliases other names the JCA or common providers accept (matched case-insensitively)
 * @param oids object identifiers that name the algorithm
 * @param digest for HMAC algorithms, the canonical name of the underlying hash; otherwise null
 * @param fixedParameterSet for names that fix the curve or parameter set ("Ed25519",
 *     "ML-KEM-1024"), that set; otherwise null
 * @param fixedKeyBits key size the name fixes (DES 56, ChaCha20 256), or 0
 */
public record JcaAlgorithm(
    String name,
    Kind kind,
    KeyFamily sizeFamily,
    List<String> aliases,
    List<String> oids,
    String digest,
    String fixedParameterSet,
    int fixedKeyBits) {

  /** What sort of primitive an algorithm is. */
  public enum Kind {
    BLOCK_CIPHER,
    STREAM_CIPHER,
    MAC,
    DIGEST,
    /** Classical public-key algorithm: broken by a cryptographically relevant quantum computer. */
    CLASSICAL_ASYMMETRIC,
    /** Post-quantum public-key algorithm (FIPS 203/204/205). */
    POST_QUANTUM
  }

  private static final java.util.Set<String> EDWARDS_AND_MONTGOMERY =
      java.util.Set.of("EdDSA", "Ed25519", "Ed448", "XDH", "X25519", "X448");

  public JcaAlgorithm {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    aliases = List.copyOf(aliases);
    oids = List.copyOf(oids);
  }

  public Optional<KeyFamily> family() {
    return Optional.ofNullable(sizeFamily);
  }

  /** True when generating such a key is quantum-vulnerable (NIST IR 8547). */
  public boolean quantumVulnerable() {
    return kind == Kind.CLASSICAL_ASYMMETRIC;
  }

  /** True when the key lives on a named elliptic curve (EC, EdDSA, XDH and their fixed forms). */
  public boolean usesCurve() {
    return sizeFamily == KeyFamily.EC || EDWARDS_AND_MONTGOMERY.contains(name);
  }

  /** True when the name alone fixes the strength, so no {@code init} call is needed. */
  public boolean strengthFixedByName() {
    return fixedParameterSet != null || fixedKeyBits > 0;
  }
}
