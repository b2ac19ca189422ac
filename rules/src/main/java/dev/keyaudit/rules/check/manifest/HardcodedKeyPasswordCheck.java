package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.SecretInConfig;
import dev.keyaudit.rules.model.Severity;
import java.util.List;

/**
 * KA402: a keystore or key password written as a literal in configuration, scripts or manifests.
 */
public final class HardcodedKeyPasswordCheck implements ManifestCheck {

  public static final String RULE_ID = "KA402";

  @Override
  public String ruleId() {
    return RULE_ID;
  }

  @Override
  public List<Violation> check(Fact fact, String policyId) {
    if (!(fact instanceof SecretInConfig s) || s.kind() != SecretInConfig.Kind.KEY_PASSWORD) {
      return List.of();
    }
    return List.of(
        SecretLiterals.violation(
            RULE_ID,
            Severity.ERROR,
            s,
            "Keystore or key password",
            "Inject it at run time from a secret store (environment, mounted secret, vault) and rotate it.",
            policyId,
            "no key or keystore passwords in source control (CEK-10 guideline 7)"));
  }
}
