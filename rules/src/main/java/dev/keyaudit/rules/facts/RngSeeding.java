package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Value;

/**
 * A seed given to a random generator: {@code new SecureRandom(byte[])}, {@code setSeed(...)},
 * {@code new Random(long)}.
 *
 * @param rngType "SecureRandom", "SHA1PRNG", "DRBG", "java.util.Random"...
 * @param seed what the seed is: {@link SeedSource#CONSTANT} or {@link SeedSource#CLOCK} make the
 *     output predictable; Unknown is not a finding
 * @param beforeFirstUse true when no output was drawn before seeding (SHA1PRNG and DRBG then become
 *     deterministic)
 */
public record RngSeeding(
    Location location, String api, String rngType, Value<SeedSource> seed, boolean beforeFirstUse)
    implements Fact {

  /** Where a seed comes from. */
  public enum SeedSource {
    CONSTANT,
    CLOCK
  }
}
