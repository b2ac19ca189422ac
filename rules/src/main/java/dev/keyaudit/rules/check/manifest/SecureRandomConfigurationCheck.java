package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Check;
import dev.keyaudit.rules.check.CheckContext;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.RngConfiguration;
import dev.keyaudit.rules.policy.RngPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * KA406: {@code securerandom.strongAlgorithms} naming a generator the policy refuses (e.g. {@code
 * SHA1PRNG}, not an SP 800-90A DRBG), or {@code securerandom.drbg.config} asking for less strength
 * than the policy's DRBG floor (the KA202/KA204 settings).
 */
public final class SecureRandomConfigurationCheck implements Check {

  public static final String RULE_ID = "KA406";

  @Override
  public Set<String> ruleIds() {
    return Set.of(RULE_ID);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof RngConfiguration rng)) {
      return;
    }
    RngPolicy policy = context.policy().rng();
    int floor = policy.minDrbgStrength().value();
    List<String> problems = new ArrayList<>();
    String source = null;
    if (rng.property().equals("securerandom.strongAlgorithms")) {
      for (String entry : rng.value().split(",")) {
        String alg = entry.strip().split(":")[0].strip();
        boolean refused =
            policy.disallows(alg)
                || (policy.requireDrbg().value() && alg.equalsIgnoreCase("SHA1PRNG"));
        if (refused) {
          problems.add(alg + " is not an SP 800-90A DRBG");
          source = policy.requireDrbg().source();
        }
      }
    } else if (rng.property().equals("securerandom.drbg.config")) {
      for (String part : rng.value().split(",")) {
        String p = part.strip().toLowerCase(Locale.ROOT);
        if (p.matches("\\d+") && Integer.parseInt(p) < floor) {
          problems.add("DRBG strength " + p + " is below " + floor + " bits");
          source = policy.minDrbgStrength().source();
        }
      }
    }
    if (problems.isEmpty()) {
      return;
    }
    context
        .violation(RULE_ID, fact)
        .trace(rng.trace())
        .message(rng.property() + "=" + rng.value() + ": " + String.join("; ", problems) + ".")
        .threshold("SP 800-90A DRBG with strength >= " + floor + " bits (" + source + ")")
        .property("property", rng.property())
        .property("value", rng.value())
        .report();
  }
}
