package dev.keyaudit.keygen;

import java.security.DrbgParameters;
import java.security.SecureRandom;
import java.security.SecureRandomParameters;
import java.util.Locale;
import java.util.Set;

/**
 * The random bit generator actually used, as the instance itself reports it: {@code
 * getParameters()} for strength and capability, {@code toString()} for the mechanism (the SUN DRBG
 * prints "Hash_DRBG,SHA-256,256,pr_and_reseed"; it is the only public way to learn the mechanism).
 *
 * @param algorithm SecureRandom algorithm ("DRBG")
 * @param provider provider name ("SUN")
 * @param mechanism SP 800-90A mechanism ("Hash_DRBG", "HMAC_DRBG", "CTR_DRBG") or "unknown"
 * @param drbgAlgorithm the hash or cipher inside the DRBG ("SHA-256", "AES-256") or "unknown"
 * @param strength instantiated security strength in bits, 0 when the instance does not say
 * @param capability "pr_and_reseed", "reseed_only", "none" or "unknown"
 * @param sp800_90a true when the instance is an SP 800-90A DRBG by its own report
 * @param raw the instance's {@code toString()}
 * @param instanceId {@code System.identityHashCode} of the instance, hex: tells within one process
 *     whether two generations used the same RNG object
 * @param deterministic true for the seeded test generator of {@link TestKeys}
 */
public record RngDescription(
    String algorithm,
    String provider,
    String mechanism,
    String drbgAlgorithm,
    int strength,
    String capability,
    boolean sp800_90a,
    String raw,
    String instanceId,
    boolean deterministic) {

  private static final Set<String> SP800_90A_MECHANISMS =
      Set.of("Hash_DRBG", "HMAC_DRBG", "CTR_DRBG");

  /** Describes {@code rng} from what it reports about itself. */
  public static RngDescription observe(SecureRandom rng, boolean deterministic) {
    SecureRandomParameters params = rng.getParameters();
    String raw = String.valueOf(rng);
    String[] parts = raw.split(",");
    String mechanism =
        parts.length >= 4 && SP800_90A_MECHANISMS.contains(parts[0]) ? parts[0] : "unknown";
    boolean known = !"unknown".equals(mechanism);
    int strength = 0;
    String capability = "unknown";
    if (params instanceof DrbgParameters.Instantiation inst) {
      strength = inst.getStrength();
      capability = inst.getCapability().toString().toLowerCase(Locale.ROOT);
    }
    return new RngDescription(
        rng.getAlgorithm(),
        rng.getProvider() == null ? "unknown" : rng.getProvider().getName(),
        mechanism,
        known ? parts[1] : "unknown",
        strength,
        capability,
        known
            && params instanceof DrbgParameters.Instantiation
            && reportedStrength(parts) == strength,
        raw,
        Integer.toHexString(System.identityHashCode(rng)),
        deterministic);
  }

  private static int reportedStrength(String[] parts) {
    try {
      return Integer.parseInt(parts[2].strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** True when every output draws fresh entropy (SP 800-90A prediction resistance). */
  public boolean predictionResistance() {
    return "pr_and_reseed".equals(capability);
  }

  /** One line for people: "DRBG (SUN) Hash_DRBG,SHA-256,256,pr_and_reseed". */
  public String summary() {
    return algorithm + " (" + provider + ") " + raw;
  }
}
