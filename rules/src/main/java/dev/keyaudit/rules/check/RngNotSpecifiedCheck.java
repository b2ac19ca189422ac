package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.RNG_NOT_SPECIFIED;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Set;

/**
 * KA205: a key generated without an explicit SecureRandom, so the highest-priority provider's
 * default source is used (NativePRNG on Linux, not an SP 800-90A DRBG). Only strict policies ask
 * for an explicit RNG: CEK-10 wants the RNG specified, FIPS 140-3 wants it approved.
 */
final class RngNotSpecifiedCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(RNG_NOT_SPECIFIED);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    Threshold<Boolean> required = context.policy().rng().requireExplicitRng();
    if (!required.value()) {
      return;
    }
    GeneratedKeys.rng(fact)
        .filter(rng -> !rng.specified())
        .ifPresent(rng -> report(fact, required, context));
  }

  private void report(Fact fact, Threshold<Boolean> required, CheckContext context) {
    String algorithm =
        String.join(
            "/",
            Candidate.of(GeneratedKeys.algorithm(fact)).stream().map(Candidate::value).toList());
    context
        .violation(RNG_NOT_SPECIFIED, fact)
        .message(
            GeneratedKeys.api(fact)
                + (algorithm.isEmpty() ? "" : " " + algorithm)
                + " is initialized without a SecureRandom, so the provider's default random"
                + " source is used; policy "
                + context.policy().id()
                + " requires an explicitly chosen SP 800-90A DRBG.")
        .threshold(required.cite("SecureRandom passed explicitly to the key generator"))
        .report();
  }
}
