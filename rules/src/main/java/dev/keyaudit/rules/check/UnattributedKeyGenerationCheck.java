package dev.keyaudit.rules.check;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.ObservedKeyGeneration;
import java.util.Set;

/**
 * KA503: a key generated at run time that can be attributed to neither a tenant nor an environment.
 * The key-generation log then cannot answer "whose key is this, and where does it live", which key
 * inventories and audits ask.
 */
final class UnattributedKeyGenerationCheck implements Check {

  static final String ID = "KA503";

  @Override
  public Set<String> ruleIds() {
    return Set.of(ID);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof ObservedKeyGeneration observed)) {
      return;
    }
    if (blank(observed.tenant()) && blank(observed.environment())) {
      context
          .violation(ID, fact)
          .message(
              "A "
                  + observed.algorithm()
                  + " key was generated with no tenant and no environment recorded; start the"
                  + " agent with tenant=... and environment=... so every key can be attributed.")
          .threshold("tenant or environment recorded for every key generation")
          .report();
    }
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
