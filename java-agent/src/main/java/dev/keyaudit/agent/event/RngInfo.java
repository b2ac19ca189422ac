package dev.keyaudit.agent.event;

/**
 * The {@code SecureRandom} a key generation actually drew from, as the JDK describes it.
 *
 * @param mechanism {@code Hash_DRBG}, {@code HMAC_DRBG}, {@code CTR_DRBG}, or null when not a DRBG
 * @param drbgAlgorithm the DRBG's hash or cipher ({@code SHA-256}, {@code AES-256}), or null
 * @param strength instantiated security strength in bits, or 0 when unknown
 * @param capability {@code pr_and_reseed}, {@code reseed_only}, {@code none}, or null
 * @param sp80090a whether the mechanism is an SP 800-90A DRBG
 * @param description the instance's {@code toString()} (e.g. {@code
 *     Hash_DRBG,SHA-256,128,reseed_only})
 */
public record RngInfo(
    String algorithm,
    String provider,
    String mechanism,
    String drbgAlgorithm,
    int strength,
    String capability,
    boolean sp80090a,
    String description) {

  public boolean predictionResistance() {
    return "pr_and_reseed".equals(capability);
  }
}
