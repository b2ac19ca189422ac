package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Value;

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
 */
public record SecureRandomCreation(
    Location location,
    String api,
    Value<String> algorithm,
    Value<Integer> drbgStrength,
    Value<String> drbgCapability)
    implements Fact {}
