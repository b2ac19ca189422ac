package dev.keyaudit.rules.model;

/**
 * The random source handed to a key generator ({@code init(256, rng)}), as far as the frontend
 * could tell. {@code specified == false} means no {@code SecureRandom} was passed, so the
 * provider's default random source is used.
 *
 * @param algorithm SecureRandom algorithm ("DRBG", "SHA1PRNG", "NativePRNG", "default"...)
 * @param drbgStrength DRBG instantiation strength in bits, or Unknown/Default when not given
 * @param drbgCapability "PR_AND_RESEED", "RESEED_ONLY" or "NONE" when DrbgParameters were given
 */
public record RngSpec(
    boolean specified,
    Value<String> algorithm,
    Value<Integer> drbgStrength,
    Value<String> drbgCapability) {

  public static RngSpec notSpecified() {
    return new RngSpec(
        false,
        Value.providerDefault(null, "no SecureRandom passed"),
        Value.providerDefault(null, "no SecureRandom passed"),
        Value.providerDefault(null, "no SecureRandom passed"));
  }
}
