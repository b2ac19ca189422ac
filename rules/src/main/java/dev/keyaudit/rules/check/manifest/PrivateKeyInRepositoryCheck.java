package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyMaterialInFile;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * KA401: private or secret key material stored in the repository (PEM/OpenSSH/PGP keys, JWKs with
 * private members, keystores with key entries, keys in Kubernetes Secrets or Terraform state). A
 * key that is encrypted with an unknown passphrase is a warning; a readable one is an error.
 */
public final class PrivateKeyInRepositoryCheck implements ManifestCheck {

  public static final String RULE_ID = "KA401";

  @Override
  public String ruleId() {
    return RULE_ID;
  }

  @Override
  public List<Violation> check(Fact fact, String policyId) {
    if (!(fact instanceof KeyMaterialInFile key)) {
      return List.of();
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
    message.append(" ").append(key.material().describe()).append('.');
    if (key.openedWith() != null) {
      message.append(" The keystore opens with ").append(key.openedWith()).append('.');
    } else if (key.encrypted()) {
      message.append(
          " It is passphrase-protected, but the protected key is still in the repository.");
    }
    message.append(
        " Generate keys where they are used and keep them in a key store or secret manager.");
    Map<String, String> properties = new HashMap<>();
    properties.put("format", key.format());
    properties.put("encrypted", Boolean.toString(key.encrypted() && key.openedWith() == null));
    if (algorithm != null) {
      properties.put("algorithm", algorithm);
    }
    if (size != null) {
      properties.put("keySize", size.toString());
    }
    properties.put("secret", key.material().describe());
    return List.of(
        new Violation(
            RULE_ID,
            readable ? Severity.ERROR : Severity.WARNING,
            message.toString(),
            key.location(),
            key.trace(),
            policyId,
            "no private or secret key material in source control (CEK-10 guideline 7)",
            properties));
  }

  static String describe(Value<?> v) {
    return v.knownValue().map(Object::toString).orElse("unknown");
  }
}
