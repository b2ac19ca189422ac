package dev.keyaudit.rules.check;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.ObservedKeyGeneration;
import java.util.Set;

/**
 * KA502: one SecureRandom instance generated keys for two tenants or two environments. The RNG's
 * state then links them: a compromise or a reseeding fault in one affects the other, and a key
 * inventory cannot separate them. The agent reports the first generation that crosses the line.
 */
final class SharedRngCheck implements Check {

  static final String ID = "KA502";

  @Override
  public Set<String> ruleIds() {
    return Set.of(ID);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof ObservedKeyGeneration observed) || observed.rngSharedWith().isEmpty()) {
      return;
    }
    String here =
        observed.tenant() != null
            ? "tenant " + observed.tenant()
            : "environment " + observed.environment();
    context
        .violation(ID, fact)
        .message(
            "The SecureRandom instance that generated this "
                + observed.algorithm()
                + " key for "
                + here
                + " already generated keys for "
                + String.join(", ", observed.rngSharedWith())
                + "; use one DRBG instance per tenant and environment.")
        .threshold("one RNG instance per tenant and environment")
        .property("sharedWith", String.join(",", observed.rngSharedWith()))
        .report();
  }
}
