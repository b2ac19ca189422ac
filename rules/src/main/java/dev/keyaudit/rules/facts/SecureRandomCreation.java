package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.List;

/**
 * A {@code SecureRandom} created: {@code new SecureRandom()}, {@code getInstance(alg[, params])},
 * {@code getInstanceStrong()}.
 *
 * @param api the creating call as written for messages: "SecureRandom.getInstance", "new
 *     SecureRandom()", "SecureRandom.getInstanceStrong"
 * @param algorithm the requested algorithm; {@link Value.Default} for {@code new SecureRandom()}
 * @param drbgStrength strength from {@code DrbgParameters.instantiation}; null when not a DRBG
 *     request, Default when DRBG without parameters
 * @param drbgCapability "PR_AND_RESEED", "RESEED_ONLY" or "NONE"; null/Default as above
 * @param outputSink the most sensitive place its output (or the key generator it feeds) was
 *     followed to; {@code OTHER} when followed to nothing sensitive; null when not followed
 * @param outputFlow the path from the creation to that sink (empty when none)
 */
public record SecureRandomCreation(
    Location location,
    String api,
    Value<String> algorithm,
    Value<Integer> drbgStrength,
    Value<String> drbgCapability,
    NonCryptoRandomUse.RandomSink outputSink,
    List<TraceStep> outputFlow)
    implements Fact {

  public SecureRandomCreation {
    outputFlow = outputFlow == null ? List.of() : List.copyOf(outputFlow);
  }

  /** A creation whose output was not followed. */
  public SecureRandomCreation(
      Location location,
      String api,
      Value<String> algorithm,
      Value<Integer> drbgStrength,
      Value<String> drbgCapability) {
    this(location, api, algorithm, drbgStrength, drbgCapability, null, List.of());
  }
}
