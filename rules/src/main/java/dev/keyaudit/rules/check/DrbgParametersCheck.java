package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.WEAK_DRBG_PARAMETERS;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.SecureRandomCreation;
import dev.keyaudit.rules.jca.JdkDefaults;
import dev.keyaudit.rules.jca.SecureRandomAlgorithms;
import dev.keyaudit.rules.jca.SecureRandomAlgorithms.Mechanism;
import dev.keyaudit.rules.jca.SecurityStrength;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.RngPolicy;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * KA204: a DRBG instantiated too weak — below the security strength of the key it generates (SP
 * 800-133 Rev. 2: the RBG must support at least the key's strength, so AES-256 needs a 256-bit DRBG
 * while the JDK's default DRBG runs at 128), below the policy's floor, or without prediction
 * resistance where the policy asks for it.
 */
final class DrbgParametersCheck implements Check {

  private static final String PR_AND_RESEED = "PR_AND_RESEED";

  @Override
  public Set<String> ruleIds() {
    return Set.of(WEAK_DRBG_PARAMETERS);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (fact instanceof SecureRandomCreation c) {
      if (isDrbg(c.algorithm()) || c.drbgStrength() != null) {
        String subject = c.api();
        judgeFloor(fact, subject, strengths(c.algorithm(), c.drbgStrength()), context);
        unknownStrength(fact, subject, c.drbgStrength(), context);
        judgePredictionResistance(fact, subject, c.drbgCapability(), context);
      }
      return;
    }
    GeneratedKeys.rng(fact)
        .filter(RngSpec::specified)
        .filter(rng -> isDrbg(rng.algorithm()))
        .ifPresent(rng -> judgeKeyRng(fact, rng, context));
  }

  private void judgeKeyRng(Fact fact, RngSpec rng, CheckContext context) {
    String subject = "the DRBG passed to " + GeneratedKeys.api(fact);
    List<Candidate<Integer>> strengths = strengths(rng.algorithm(), rng.drbgStrength());
    unknownStrength(fact, subject, rng.drbgStrength(), context);
    judgeFloor(fact, subject, strengths, context);
    judgePredictionResistance(fact, subject, rng.drbgCapability(), context);
    RngPolicy policy = context.policy().rng();
    if (!policy.drbgStrengthAtLeastKeyStrength().value()) {
      return;
    }
    GeneratedKeys.of(fact)
        .ifPresent(
            keys -> {
              // A DRBG at the top strength serves any key, unknown size or not.
              boolean couldBeTooWeak =
                  strengths.stream().anyMatch(s -> s.value() < SecurityStrength.MAX);
              if (couldBeTooWeak) {
                keys.unknown()
                    .forEach(
                        why -> context.unresolved(WEAK_DRBG_PARAMETERS, fact, "key strength", why));
              }
              for (GeneratedKeys.Key key : keys.keys()) {
                OptionalInt keyStrength = key.strength();
                if (keyStrength.isEmpty()) {
                  continue;
                }
                for (Candidate<Integer> drbg : strengths) {
                  if (drbg.value() < keyStrength.getAsInt()) {
                    context
                        .violation(WEAK_DRBG_PARAMETERS, fact)
                        .at(drbg.trace().isEmpty() ? key.decidingCandidate() : drbg, fact)
                        .message(
                            GeneratedKeys.api(fact)
                                + " generates "
                                + key.describe()
                                + " keys ("
                                + SecurityStrength.describe(keyStrength.getAsInt())
                                + " strength) from a DRBG instantiated at "
                                + drbg.value()
                                + " bits"
                                + drbg.provenance()
                                + "; policy "
                                + context.policy().id()
                                + " requires the DRBG strength to be at least the key's.")
                        .threshold(
                            policy
                                .drbgStrengthAtLeastKeyStrength()
                                .cite("DRBG strength ≥ key security strength"))
                        .property("drbgStrength", drbg.value())
                        .property("keyStrength", keyStrength.getAsInt())
                        .report();
                  }
                }
              }
            });
  }

  private void judgeFloor(
      Fact fact, String subject, List<Candidate<Integer>> strengths, CheckContext context) {
    var min = context.policy().rng().minDrbgStrength();
    for (Candidate<Integer> drbg : strengths) {
      if (drbg.value() < min.value()) {
        context
            .violation(WEAK_DRBG_PARAMETERS, fact)
            .at(drbg, fact)
            .message(
                capitalize(subject)
                    + " is instantiated at "
                    + drbg.value()
                    + " bits"
                    + drbg.provenance()
                    + ", below the "
                    + min.value()
                    + "-bit minimum of policy "
                    + context.policy().id()
                    + ".")
            .threshold(min.cite("DRBG strength ≥ " + min.value() + " bits"))
            .property("drbgStrength", drbg.value())
            .report();
      }
    }
  }

  private void judgePredictionResistance(
      Fact fact, String subject, Value<String> capability, CheckContext context) {
    var required = context.policy().rng().requirePredictionResistance();
    if (!required.value()) {
      return;
    }
    if (capability instanceof Value.Unknown<String> u) {
      context.unresolved(WEAK_DRBG_PARAMETERS, fact, subject + " capability", u.why());
      return;
    }
    List<Candidate<String>> capabilities =
        capability == null || (capability instanceof Value.Default<String> d && d.value() == null)
            ? List.of(jdkDefault(JdkDefaults.DRBG_DEFAULT_CAPABILITY))
            : Candidate.of(capability);
    for (Candidate<String> c : capabilities) {
      if (!PR_AND_RESEED.equals(c.value().toUpperCase(Locale.ROOT))) {
        context
            .violation(WEAK_DRBG_PARAMETERS, fact)
            .at(c, fact)
            .message(
                capitalize(subject)
                    + " has capability "
                    + c.value()
                    + c.provenance()
                    + ", without prediction resistance, which policy "
                    + context.policy().id()
                    + " requires.")
            .threshold(required.cite("DRBG capability PR_AND_RESEED"))
            .property("drbgCapability", c.value())
            .report();
      }
    }
  }

  private void unknownStrength(
      Fact fact, String subject, Value<Integer> strength, CheckContext context) {
    if (strength instanceof Value.Unknown<Integer> u) {
      context.unresolved(WEAK_DRBG_PARAMETERS, fact, subject + " strength", u.why());
    }
  }

  /** The DRBG strengths: as given, else the SUN DRBG's default instantiation. */
  private static List<Candidate<Integer>> strengths(
      Value<String> algorithm, Value<Integer> strength) {
    if (strength == null || (strength instanceof Value.Default<Integer> d && d.value() == null)) {
      boolean sunDrbg =
          Candidate.of(algorithm).stream().anyMatch(a -> a.value().equalsIgnoreCase("DRBG"));
      return sunDrbg ? List.of(jdkDefault(JdkDefaults.DRBG_DEFAULT_STRENGTH)) : List.of();
    }
    return Candidate.of(strength);
  }

  private static <T> Candidate<T> jdkDefault(T value) {
    return new Candidate<>(
        value,
        List.of(),
        Candidate.Kind.PROVIDER_DEFAULT,
        "no DrbgParameters given; securerandom.drbg.config default Hash_DRBG/SHA-256/128/reseed_only",
        1);
  }

  private static boolean isDrbg(Value<String> algorithm) {
    return algorithm != null
        && Candidate.of(algorithm).stream()
            .anyMatch(a -> SecureRandomAlgorithms.mechanism(a.value()) == Mechanism.SP800_90A_DRBG);
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
