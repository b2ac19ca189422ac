package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Check;
import dev.keyaudit.rules.check.CheckContext;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.SecretInConfig;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Locale;
import java.util.Set;

/**
 * KA404: a high-entropy value under a credential-like name (password, secret, token...). Both the
 * name and enough entropy are required, which keeps false alarms rare. Reported when the policy
 * forbids hardcoded passwords (the KA303 setting).
 *
 * <p>The entropy and length floors come from the policy ({@code secrets.minCredentialEntropy},
 * {@code secrets.minCredentialLength}); the built-in 3.0 bits per character is what Checkov's
 * keyword-plus-entropy combinator uses for IaC files.
 */
public final class HighEntropySecretCheck implements Check {

  public static final String RULE_ID = "KA404";

  @Override
  public Set<String> ruleIds() {
    return Set.of(RULE_ID);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof SecretInConfig s) || s.kind() != SecretInConfig.Kind.CREDENTIAL) {
      return;
    }
    Threshold<Boolean> forbidden = context.policy().secrets().forbidHardcodedPasswords();
    double minEntropy = context.policy().secrets().minCredentialEntropy().value();
    int minLength = context.policy().secrets().minCredentialLength().value();
    if (!forbidden.value() || s.entropy() < minEntropy || s.secret().length() < minLength) {
      return;
    }
    SecretLiterals.violation(
            context,
            RULE_ID,
            s,
            "High-entropy credential",
            "Move it to a secret store and inject it at run time.",
            forbidden.cite(
                String.format(
                    Locale.ROOT,
                    "no literal credentials (credential-like name, entropy >= %.1f bits/char, >= %d"
                        + " chars)",
                    minEntropy,
                    minLength)))
        .report();
  }
}
