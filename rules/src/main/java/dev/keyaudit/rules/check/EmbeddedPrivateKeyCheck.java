package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.EMBEDDED_PRIVATE_KEY;

import dev.keyaudit.rules.facts.EmbeddedKeyMaterial;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Set;

/** KA302: a private key written into the code (PEM block, base64 PKCS#8/PKCS#1). */
final class EmbeddedPrivateKeyCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(EMBEDDED_PRIVATE_KEY);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof EmbeddedKeyMaterial e)) {
      return;
    }
    Threshold<Boolean> forbidden = context.policy().secrets().forbidEmbeddedPrivateKeys();
    if (!forbidden.value()) {
      return;
    }
    context
        .violation(EMBEDDED_PRIVATE_KEY, fact)
        .message(
            "A "
                + e.kind()
                + " is embedded in the code: "
                + e.material().describe()
                + ". Policy "
                + context.policy().id()
                + " requires private keys to be generated and kept outside the code; treat this"
                + " one as compromised and rotate it.")
        .threshold(forbidden.cite("no private keys in source or binaries"))
        .property("kind", e.kind())
        .property("length", e.material().length() + " " + e.material().unit())
        .report();
  }
}
