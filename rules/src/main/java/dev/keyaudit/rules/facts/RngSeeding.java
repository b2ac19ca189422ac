package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.List;

/**
 * A seed given to a random generator: {@code new SecureRandom(byte[])}, {@code setSeed(...)},
 * {@code new Random(long)}.
 *
 * @param rngType "SecureRandom", "SHA1PRNG", "DRBG", "java.util.Random"...
 * @param seed what the seed is: {@link SeedSource#CONSTANT} or {@link SeedSource#CLOCK} make the
 *     output predictable; Unknown is not a finding
 * @param beforeFirstUse true when no output was drawn before seeding (SHA1PRNG and DRBG then become
 *     deterministic)
 * @param outputSink the most sensitive place the seeded generator's output was followed to; {@code
 *     OTHER} when followed to nothing sensitive; null when not followed
 * @param outputFlow the path from the generator's creation to that sink (empty when none)
 */
public record RngSeeding(
    Location location,
    String api,
    String rngType,
    Value<SeedSource> seed,
    boolean beforeFirstUse,
    NonCryptoRandomUse.RandomSink outputSink,
    List<TraceStep> outputFlow)
    implements Fact {

  public RngSeeding {
    outputFlow = outputFlow == null ? List.of() : List.copyOf(outputFlow);
  }

  /** A seeding whose generator's output was not followed. */
  public RngSeeding(
      Location location,
      String api,
      String rngType,
      Value<SeedSource> seed,
      boolean beforeFirstUse) {
    this(location, api, rngType, seed, beforeFirstUse, null, List.of());
  }

  /** Where a seed comes from. */
  public enum SeedSource {
    CONSTANT,
    CLOCK
  }
}
