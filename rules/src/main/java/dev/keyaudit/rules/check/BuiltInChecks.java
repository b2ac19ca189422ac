package dev.keyaudit.rules.check;

import java.util.List;

/**
 * The built-in checks, in the order they run. Explicit on purpose: greppable, reviewable in a diff,
 * deterministic. Third-party checks come through {@link PolicyEvaluator#PolicyEvaluator(
 * dev.keyaudit.rules.policy.Policy, List)}.
 */
public final class BuiltInChecks {

  private static final List<Check> ALL =
      List.of(
          new WeakAlgorithmCheck(),
          new KeySizeCheck(),
          new CurveCheck(),
          new StrengthNotSpecifiedCheck(),
          new QuantumTransitionCheck(),
          new NonCryptoRandomCheck(),
          new SecureRandomAlgorithmCheck(),
          new PredictableSeedCheck(),
          new DrbgParametersCheck(),
          new RngNotSpecifiedCheck(),
          new HardcodedKeyCheck(),
          new EmbeddedPrivateKeyCheck(),
          new HardcodedKeyPasswordCheck(),
          new KeyDerivationCheck(),
          new ConstantSaltCheck(),
          new UnauthorizedCallerCheck(),
          new SharedRngCheck(),
          new UnattributedKeyGenerationCheck(),
          new dev.keyaudit.rules.check.manifest.PrivateKeyInRepositoryCheck(),
          new dev.keyaudit.rules.check.manifest.KeyPasswordInConfigCheck(),
          new dev.keyaudit.rules.check.manifest.HardcodedSymmetricKeyCheck(),
          new dev.keyaudit.rules.check.manifest.HighEntropySecretCheck(),
          new dev.keyaudit.rules.check.manifest.EntropySourceCheck(),
          new dev.keyaudit.rules.check.manifest.SecureRandomConfigurationCheck(),
          new dev.keyaudit.rules.check.manifest.DisabledAlgorithmsWeakenedCheck(),
          new dev.keyaudit.rules.check.manifest.ExportableKeyCheck());

  private BuiltInChecks() {}

  public static List<Check> all() {
    return ALL;
  }
}
