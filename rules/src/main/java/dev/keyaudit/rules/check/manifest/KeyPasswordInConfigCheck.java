package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Check;
import dev.keyaudit.rules.check.CheckContext;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.SecretInConfig;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Set;

/**
 * KA402: a keystore or key password written as a literal in configuration, scripts or manifests
 * (also as a placeholder default). Reported when the policy forbids hardcoded key passwords (the
 * KA303 setting), so code and configuration are judged alike.
 */
public final class KeyPasswordInConfigCheck implements Check {

  public static final String RULE_ID = "KA402";

  @Override
  public Set<String> ruleIds() {
    return Set.of(RULE_ID);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof SecretInConfig s) || s.kind() != SecretInConfig.Kind.KEY_PASSWORD) {
      return;
    }
    Threshold<Boolean> forbidden = context.policy().secrets().forbidHardcodedPasswords();
    if (!forbidden.value()) {
      return;
    }
    SecretLiterals.violation(
            context,
            RULE_ID,
            s,
            "Keystore or key password",
            "Inject it at run time from a secret store and rotate it.",
            forbidden.cite("no key passwords in source control"))
        .report();
  }
}
