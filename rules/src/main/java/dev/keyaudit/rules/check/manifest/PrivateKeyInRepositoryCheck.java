package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Check;
import dev.keyaudit.rules.check.CheckContext;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyMaterialInFile;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Set;

/**
 * KA401: private or secret key material stored in the repository (PEM/OpenSSH/PGP keys, JWKs with
 * private members, keystores with key entries, keys in Kubernetes Secrets or Terraform state). A
 * key encrypted with an unknown passphrase is a warning; a readable one keeps the catalog's error.
 * Reported when the policy forbids embedded private keys (the KA302 setting).
 */
public final class PrivateKeyInRepositoryCheck implements Check {

  public static final String RULE_ID = "KA401";

  @Override
  public Set<String> ruleIds() {
    return Set.of(RULE_ID);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof KeyMaterialInFile key)) {
      return;
    }
    Threshold<Boolean> forbidden = context.policy().secrets().forbidEmbeddedPrivateKeys();
    if (!forbidden.value()) {
      return;
    }
    boolean readable = !key.encrypted() || key.openedWith() != null;
    String algorithm = key.algorithm().knownValue().orElse(null);
    Integer size = key.keySize().knownValue().orElse(null);
    StringBuilder message = new StringBuilder("Key material committed to the repository: ");
    message.append(key.format());
    if (algorithm != null) {
      message.append(", ").append(algorithm);
      if (size != null) {
        message.append(' ').append(size).append(" bits");
      }
    }
    message.append(", ").append(key.material().describe()).append('.');
    if (key.openedWith() != null) {
      message.append(" The keystore opens with ").append(key.openedWith()).append('.');
    } else if (key.encrypted()) {
      message.append(
          " It is passphrase-protected, but the protected key is still shared with everyone who has the repository.");
    }
    message.append(
        " Generate keys where they are used and keep them in a key store or secret manager.");
    CheckContext.ViolationBuilder v =
        context
            .violation(RULE_ID, fact)
            .trace(key.trace())
            .message(message.toString())
            .threshold(forbidden.cite("no private or secret keys in source control"))
            .property("format", key.format())
            .property("encrypted", key.encrypted() && key.openedWith() == null)
            .property("algorithm", algorithm)
            .property("keySize", size)
            .property("secret", key.material().describe());
    if (!readable) {
      v.severity(Severity.WARNING);
    }
    v.report();
  }
}
