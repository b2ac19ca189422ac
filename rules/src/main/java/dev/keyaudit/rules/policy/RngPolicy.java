package dev.keyaudit.rules.policy;

import java.util.List;

/**
 * What a policy asks of random number generation (rules KA201–KA205).
 *
 * @param requireCryptographicRng KA201: secrets come from a cryptographic RNG
 * @param forbidPredictableSeeds KA203: no constant or clock seeds
 * @param requireDrbg KA202: only SP 800-90A DRBGs are acceptable
 * @param disallowedAlgorithms KA202: SecureRandom algorithms refused whatever {@code requireDrbg}
 *     says (canonical JDK spelling)
 * @param requireExplicitRng KA205: key generators must be given a SecureRandom
 * @param requirePredictionResistance KA204: DRBGs must be instantiated with PR_AND_RESEED
 * @param drbgStrengthAtLeastKeyStrength KA204: DRBG strength ≥ strength of the key it generates
 * @param minDrbgStrength KA204: floor for any DRBG instantiation, in bits
 */
public record RngPolicy(
    Threshold<Boolean> requireCryptographicRng,
    Threshold<Boolean> forbidPredictableSeeds,
    Threshold<Boolean> requireDrbg,
    Threshold<List<String>> disallowedAlgorithms,
    Threshold<Boolean> requireExplicitRng,
    Threshold<Boolean> requirePredictionResistance,
    Threshold<Boolean> drbgStrengthAtLeastKeyStrength,
    Threshold<Integer> minDrbgStrength)
    implements java.io.Serializable {

  /** True when {@code canonicalName} is on the disallowed list. */
  public boolean disallows(String canonicalName) {
    return disallowedAlgorithms.value().stream().anyMatch(a -> a.equalsIgnoreCase(canonicalName));
  }
}
