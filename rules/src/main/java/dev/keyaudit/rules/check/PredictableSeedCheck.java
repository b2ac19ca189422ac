package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.PREDICTABLE_SEED;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.jca.SecureRandomAlgorithms;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * KA203: a random generator seeded with a constant or the clock. A seeded {@code java.util.Random},
 * and a SHA1PRNG or DRBG seeded before first use, produce a sequence fully determined by the seed
 * (an error). A SecureRandom reseeded after use only mixes the seed in: no entropy gained, none
 * lost (a warning).
 */
final class PredictableSeedCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(PREDICTABLE_SEED);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof RngSeeding seeding)) {
      return;
    }
    Threshold<Boolean> forbidden = context.policy().rng().forbidPredictableSeeds();
    if (!forbidden.value()) {
      return;
    }
    if (seeding.seed() instanceof Value.Unknown<SeedSource> u) {
      context.unresolved(PREDICTABLE_SEED, fact, seeding.rngType() + " seed", u.why());
      return;
    }
    boolean secureRandom =
        seeding.rngType().equals("SecureRandom")
            || SecureRandomAlgorithms.isKnown(seeding.rngType());
    boolean deterministic = !secureRandom || seeding.beforeFirstUse();
    for (Candidate<SeedSource> seed : Candidate.written(seeding.seed())) {
      String source = seed.value() == SeedSource.CONSTANT ? "a constant" : "the clock";
      String effect =
          deterministic
              ? "its whole output is determined by the seed, so keys or tokens drawn from it"
                  + " can be recomputed"
              : "the seed is mixed into existing state, so it adds no entropy";
      // A deterministic generator is judged by where its output goes, as KA201 judges
      // java.util.Random: a reproducible simulation is not a key.
      boolean harmless =
          deterministic && seeding.outputSink() != null && !seeding.outputSink().sensitive();
      boolean sensitive = seeding.outputSink() != null && seeding.outputSink().sensitive();
      if (harmless) {
        effect +=
            " (its output was not followed into key material, IVs, salts, seeds, passwords"
                + " or tokens)";
      } else if (sensitive) {
        effect += "; its output ends up in " + NonCryptoRandomCheck.sinkName(seeding.outputSink());
      }
      List<TraceStep> trace = new ArrayList<>(seed.trace());
      if (sensitive) {
        seeding.outputFlow().stream().filter(s -> !trace.contains(s)).forEach(trace::add);
      }
      CheckContext.ViolationBuilder violation =
          context.violation(PREDICTABLE_SEED, fact).at(seed, fact);
      if (sensitive) {
        violation.trace(trace);
      }
      violation
          .severity(harmless ? Severity.NOTE : deterministic ? Severity.ERROR : Severity.WARNING)
          .message(
              seeding.rngType()
                  + " is seeded with "
                  + source
                  + seed.provenance()
                  + " via "
                  + seeding.api()
                  + ": "
                  + effect
                  + ". Policy "
                  + context.policy().id()
                  + " forbids predictable seeds; let SecureRandom seed itself.")
          .threshold(forbidden.cite("no constant or clock-derived seeds"))
          .property("rng", seeding.rngType())
          .property("seed", seed.value().name().toLowerCase(java.util.Locale.ROOT))
          .property("deterministic", deterministic)
          .report();
    }
  }
}
