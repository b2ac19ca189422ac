package dev.keyaudit.rules.policy;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A policy YAML file as written, before {@code extends} is resolved: every field is optional here
 * so partial user files parse; {@link PolicyResolver} checks completeness after the merge. Jackson
 * reads it strictly, so a misspelt key fails with its path.
 */
record PolicyFile(
    String id,
    String title,
    String description,
    @JsonProperty("extends") String extendsId,
    String evaluationDate,
    Generation generation,
    Map<String, AlgorithmEntry> algorithms,
    Map<String, DigestEntry> digests,
    Map<String, IntValue> keySizes,
    CurveList curves,
    Rng rng,
    Kdf kdf,
    Secrets secrets,
    Quantum quantumTransition,
    Map<String, RuleEntry> rules) {

  /** Sections whose every child is a threshold with a {@code source}. */
  static final List<String> THRESHOLD_SECTIONS =
      List.of(
          "generation",
          "algorithms",
          "digests",
          "keySizes",
          "rng",
          "kdf",
          "secrets",
          "quantumTransition");

  /** Sections that are themselves one threshold with a {@code source}. */
  static final List<String> THRESHOLD_NODES = List.of("curves");

  record BoolValue(Boolean value, String source) {}

  record IntValue(Integer value, String source) {}

  record DecimalValue(Double value, String source) {}

  record ListValue(List<String> value, String source) {}

  record DateValue(String value, Integer upToStrength, String source) {}

  record AlgorithmEntry(
      String status, String deprecatedAfter, String disallowedAfter, String source) {}

  record DigestEntry(String signature, String hmac, String other, String source) {}

  record CurveList(List<String> approved, String source) {}

  record Generation(BoolValue requireExplicitStrength) {}

  record Rng(
      BoolValue requireCryptographicRng,
      BoolValue forbidPredictableSeeds,
      BoolValue requireDrbg,
      ListValue disallowedAlgorithms,
      BoolValue requireExplicitRng,
      BoolValue requirePredictionResistance,
      BoolValue drbgStrengthAtLeastKeyStrength,
      IntValue minDrbgStrength) {}

  record Kdf(
      IntValue minIterations,
      IntValue minSaltBytes,
      IntValue minDerivedKeyBits,
      BoolValue forbidConstantSalt) {}

  record Secrets(
      BoolValue forbidHardcodedKeys,
      BoolValue forbidEmbeddedPrivateKeys,
      BoolValue forbidHardcodedPasswords,
      DecimalValue minCredentialEntropy,
      IntValue minCredentialLength) {}

  record Quantum(DateValue deprecatedAfter, DateValue disallowedAfter) {}

  record RuleEntry(Boolean enabled, String severity) {}
}
