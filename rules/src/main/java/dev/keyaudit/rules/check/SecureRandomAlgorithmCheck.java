package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.NON_DRBG_SECURE_RANDOM;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.SecureRandomCreation;
import dev.keyaudit.rules.jca.SecureRandomAlgorithms;
import dev.keyaudit.rules.jca.SecureRandomAlgorithms.Mechanism;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.RngPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * KA202: a SecureRandom algorithm the policy refuses — one on its disallowed list (SHA1PRNG under
 * every built-in policy), or any non-SP 800-90A mechanism (NativePRNG*, Windows-PRNG) where the
 * policy requires a DRBG. Judged where the SecureRandom is created and where one is handed to a key
 * generator. {@code new SecureRandom()} is platform-dependent, so under a DRBG-only policy it is
 * unresolved, not a violation.
 */
final class SecureRandomAlgorithmCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(NON_DRBG_SECURE_RANDOM);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (fact instanceof SecureRandomCreation c) {
      judge(fact, c.api(), c.algorithm(), context);
      return;
    }
    GeneratedKeys.rng(fact)
        .filter(RngSpec::specified)
        .ifPresent(
            rng ->
                judge(
                    fact,
                    "the SecureRandom passed to " + GeneratedKeys.api(fact),
                    rng.algorithm(),
                    context));
  }

  private void judge(Fact fact, String subject, Value<String> algorithm, CheckContext context) {
    RngPolicy rng = context.policy().rng();
    if (algorithm == null || algorithm instanceof Value.Unknown<String>) {
      if (rng.requireDrbg().value()) {
        String why = algorithm == null ? "not reported" : ((Value.Unknown<String>) algorithm).why();
        context.unresolved(NON_DRBG_SECURE_RANDOM, fact, subject + " algorithm", why);
      }
      return;
    }
    if (algorithm instanceof Value.Default<String> d && d.value() == null) {
      platformDefault(fact, subject, d.why(), context);
      return;
    }
    for (Candidate<String> candidate : Candidate.of(algorithm)) {
      String name = SecureRandomAlgorithms.canonical(candidate.value());
      Mechanism mechanism = SecureRandomAlgorithms.mechanism(candidate.value());
      if (rng.disallows(name)) {
        report(
            fact,
            subject,
            candidate,
            name,
            rng.disallowedAlgorithms()
                .cite("SecureRandom algorithm not in " + rng.disallowedAlgorithms().value()),
            context);
      } else if (rng.requireDrbg().value() && mechanism == Mechanism.NON_DRBG) {
        report(
            fact,
            subject,
            candidate,
            name,
            rng.requireDrbg().cite("SecureRandom is an SP 800-90A DRBG"),
            context);
      } else if (rng.requireDrbg().value() && mechanism == Mechanism.PLATFORM_DEFAULT) {
        platformDefault(fact, subject, "new SecureRandom()", context);
      } else if (rng.requireDrbg().value() && mechanism == Mechanism.UNKNOWN) {
        context.unresolved(
            NON_DRBG_SECURE_RANDOM,
            fact,
            subject + " algorithm",
            "\"" + candidate.value() + "\" is not a SecureRandom algorithm KeyAudit knows");
      }
    }
  }

  private void platformDefault(Fact fact, String subject, String why, CheckContext context) {
    if (context.policy().rng().requireDrbg().value()) {
      context.unresolved(
          NON_DRBG_SECURE_RANDOM,
          fact,
          subject + " algorithm",
          "platform default (" + why + "): NativePRNG on Linux and macOS, DRBG on Windows");
    }
  }

  private void report(
      Fact fact,
      String subject,
      Candidate<String> candidate,
      String name,
      String threshold,
      CheckContext context) {
    CheckContext.ViolationBuilder violation =
        context.violation(NON_DRBG_SECURE_RANDOM, fact).at(candidate, fact);
    String use = deterministicOutputUse(fact, candidate, name, violation);
    violation
        .message(
            capitalize(subject)
                + " uses "
                + name
                + candidate.provenance()
                + ", not an SP 800-90A DRBG that policy "
                + context.policy().id()
                + " accepts."
                + (name.equals("SHA1PRNG")
                    ? " SHA1PRNG is SHA-1 based and fully deterministic once seeded."
                    : "")
                + use)
        .threshold(threshold)
        .property("rngAlgorithm", name)
        .report();
  }

  /**
   * A deterministic generator (SHA1PRNG) is judged by where its output goes, as KA201 judges
   * java.util.Random: an error when it reaches key material, an IV, a salt, a seed, a password or a
   * token (or feeds a key generator), a note when it was followed to nothing sensitive. Other
   * refused algorithms are a compliance matter whatever they are used for.
   */
  private static String deterministicOutputUse(
      Fact fact,
      Candidate<String> candidate,
      String name,
      CheckContext.ViolationBuilder violation) {
    if (!(fact instanceof SecureRandomCreation c)
        || c.outputSink() == null
        || !name.equals("SHA1PRNG")) {
      return "";
    }
    if (!c.outputSink().sensitive()) {
      violation.severity(Severity.NOTE).property("sink", "other");
      return " Its output was not followed into key material, IVs, salts, seeds, passwords or"
          + " tokens.";
    }
    List<TraceStep> trace = new ArrayList<>(candidate.trace());
    c.outputFlow().stream().filter(step -> !trace.contains(step)).forEach(trace::add);
    violation
        .severity(Severity.ERROR)
        .trace(trace)
        .property("sink", c.outputSink().name().toLowerCase(Locale.ROOT));
    return " Its output ends up in " + NonCryptoRandomCheck.sinkName(c.outputSink()) + ".";
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
