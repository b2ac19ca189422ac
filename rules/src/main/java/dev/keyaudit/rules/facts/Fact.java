package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;

/**
 * Something a frontend saw. Facts carry no verdict: the policy evaluator judges them. Add a new
 * kind here (and to {@code permits}) when a frontend observes something no existing fact describes.
 */
public sealed interface Fact
    permits KeyGeneration,
        KeyPairGeneration,
        SecretKeyConstruction,
        SecureRandomCreation,
        RngSeeding,
        NonCryptoRandomUse,
        AlgorithmUse,
        KeyPassword,
        KeyDerivation,
        EmbeddedKeyMaterial,
        ObservedKeyGeneration,
        KeyMaterialInFile,
        SecretInConfig,
        RngConfiguration,
        DisabledAlgorithmsOverride,
        KeyExportability {

  /** The call or literal the fact is about. */
  Location location();
}
