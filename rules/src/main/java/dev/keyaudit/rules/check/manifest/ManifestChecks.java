package dev.keyaudit.rules.check.manifest;

import java.util.List;

/**
 * The KA4xx checks, in rule order. Until the policy evaluator registers them in its built-in list,
 * this is where they are enumerated (and what the manifest fixture tests run).
 */
public final class ManifestChecks {

  private ManifestChecks() {}

  public static List<ManifestCheck> all() {
    return List.of(
        new PrivateKeyInRepositoryCheck(),
        new HardcodedKeyPasswordCheck(),
        new HardcodedSymmetricKeyCheck(),
        new HighEntropySecretCheck(),
        new EntropySourceCheck(),
        new SecureRandomConfigurationCheck(),
        new DisabledAlgorithmsWeakenedCheck(),
        new ExportableKeyCheck());
  }
}
