package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.SecretInConfig;
import dev.keyaudit.rules.model.Severity;
import java.util.List;
import java.util.Locale;

/**
 * KA404: a high-entropy value under a credential-like name (password, secret, token...). Both a
 * credential name and enough entropy are required, which keeps false alarms rare; the thresholds
 * are parameters so that a policy can set them.
 */
public final class HighEntropySecretCheck implements ManifestCheck {

  public static final String RULE_ID = "KA404";

  /** Keyword-plus-entropy defaults, as Checkov's IaC combinator uses (3.0 bits per character). */
  public static final double DEFAULT_MIN_ENTROPY = 3.0;

  public static final int DEFAULT_MIN_LENGTH = 12;

  private final double minEntropy;
  private final int minLength;

  public HighEntropySecretCheck() {
    this(DEFAULT_MIN_ENTROPY, DEFAULT_MIN_LENGTH);
  }

  public HighEntropySecretCheck(double minEntropy, int minLength) {
    this.minEntropy = minEntropy;
    this.minLength = minLength;
  }

  @Override
  public String ruleId() {
    return RULE_ID;
  }

  @Override
  public List<Violation> check(Fact fact, String policyId) {
    if (!(fact instanceof SecretInConfig s) || s.kind() != SecretInConfig.Kind.CREDENTIAL) {
      return List.of();
    }
    if (s.entropy() < minEntropy || s.secret().length() < minLength) {
      return List.of();
    }
    return List.of(
        SecretLiterals.violation(
            RULE_ID,
            Severity.WARNING,
            s,
            "High-entropy credential",
            "Move it to a secret store and inject it at run time.",
            policyId,
            String.format(
                Locale.ROOT,
                "credential-like name with entropy >= %.1f bits/char and >= %d chars",
                minEntropy,
                minLength)));
  }
}
