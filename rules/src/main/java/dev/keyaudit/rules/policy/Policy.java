package dev.keyaudit.rules.policy;

import dev.keyaudit.rules.jca.KeyFamily;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A resolved, immutable policy profile: its {@code extends} chain merged, every threshold present
 * and cited. Obtain one from {@link Policies}; the checks read it, never the YAML.
 */
public final class Policy implements java.io.Serializable {

  /** Fixed: the agent reads a build-time copy with its classes relocated. */
  private static final long serialVersionUID = 1L;

  private final String id;
  private final String title;
  private final String description;
  private final List<String> chain;
  private final String origin;
  private final LocalDate evaluationDate;
  private final boolean evaluationDatePinned;
  private final Threshold<Boolean> requireExplicitStrength;
  private final Map<String, AlgorithmRule> algorithms;
  private final Map<String, DigestRule> digests;
  private final Map<KeyFamily, Threshold<Integer>> minKeySizes;
  private final ApprovedCurves curves;
  private final RngPolicy rng;
  private final KdfPolicy kdf;
  private final SecretsPolicy secrets;
  private final QuantumTransition quantumTransition;
  private final Map<String, RuleOverride> ruleOverrides;

  Policy(
      String id,
      String title,
      String description,
      List<String> chain,
      String origin,
      LocalDate evaluationDate,
      boolean evaluationDatePinned,
      Threshold<Boolean> requireExplicitStrength,
      Map<String, AlgorithmRule> algorithms,
      Map<String, DigestRule> digests,
      Map<KeyFamily, Threshold<Integer>> minKeySizes,
      ApprovedCurves curves,
      RngPolicy rng,
      KdfPolicy kdf,
      SecretsPolicy secrets,
      QuantumTransition quantumTransition,
      Map<String, RuleOverride> ruleOverrides) {
    this.id = Objects.requireNonNull(id);
    this.title = Objects.requireNonNull(title);
    this.description = Objects.requireNonNull(description);
    this.chain = List.copyOf(chain);
    this.origin = Objects.requireNonNull(origin);
    this.evaluationDate = Objects.requireNonNull(evaluationDate);
    this.evaluationDatePinned = evaluationDatePinned;
    this.requireExplicitStrength = Objects.requireNonNull(requireExplicitStrength);
    this.algorithms = Map.copyOf(algorithms);
    this.digests = Map.copyOf(digests);
    this.minKeySizes = Map.copyOf(minKeySizes);
    this.curves = Objects.requireNonNull(curves);
    this.rng = Objects.requireNonNull(rng);
    this.kdf = Objects.requireNonNull(kdf);
    this.secrets = Objects.requireNonNull(secrets);
    this.quantumTransition = quantumTransition;
    this.ruleOverrides = Map.copyOf(ruleOverrides);
  }

  /** e.g. "nist-800-131a". Every violation names it. */
  public String id() {
    return id;
  }

  public String title() {
    return title;
  }

  public String description() {
    return description;
  }

  /** This policy's id followed by the ids it extends, nearest first. */
  public List<String> chain() {
    return chain;
  }

  /** "built-in", or the path of the user file. */
  public String origin() {
    return origin;
  }

  /** The date dated statuses are judged on: from the policy file, else the day it was loaded. */
  public LocalDate evaluationDate() {
    return evaluationDate;
  }

  /** True when the evaluation date was set explicitly (file or {@link #withEvaluationDate}). */
  public boolean evaluationDatePinned() {
    return evaluationDatePinned;
  }

  /** The same policy judged on {@code date} (reproducible builds pin it). */
  public Policy withEvaluationDate(LocalDate date) {
    return new Policy(
        id,
        title,
        description,
        chain,
        origin,
        date,
        true,
        requireExplicitStrength,
        algorithms,
        digests,
        minKeySizes,
        curves,
        rng,
        kdf,
        secrets,
        quantumTransition,
        ruleOverrides);
  }

  /** KA104: generators must be given a key size or parameter set. */
  public Threshold<Boolean> requireExplicitStrength() {
    return requireExplicitStrength;
  }

  /** The policy's verdict on an algorithm (canonical JCA name), when it has one. */
  public Optional<AlgorithmRule> algorithm(String canonicalName) {
    return Optional.ofNullable(algorithms.get(canonicalName));
  }

  /** Every algorithm verdict, keyed by canonical JCA name. */
  public Map<String, AlgorithmRule> algorithms() {
    return algorithms;
  }

  /** The policy's verdict on a hash function (canonical name), when it has one. */
  public Optional<DigestRule> digest(String canonicalName) {
    return Optional.ofNullable(digests.get(canonicalName));
  }

  public Map<String, DigestRule> digests() {
    return digests;
  }

  /** Minimum key size for {@code family}; every family has one. */
  public Threshold<Integer> minKeySize(KeyFamily family) {
    return minKeySizes.get(family);
  }

  public ApprovedCurves curves() {
    return curves;
  }

  public RngPolicy rng() {
    return rng;
  }

  public KdfPolicy kdf() {
    return kdf;
  }

  public SecretsPolicy secrets() {
    return secrets;
  }

  /** Present for quantum-transition policies (nist-ir-8547, cnsa-2.0). */
  public Optional<QuantumTransition> quantumTransition() {
    return Optional.ofNullable(quantumTransition);
  }

  /** False when the policy turns {@code ruleId} off. */
  public boolean enabled(String ruleId) {
    return ruleOverrides.getOrDefault(ruleId, RuleOverride.NONE).enabled();
  }

  /** The per-rule settings the policy makes, keyed by rule id. */
  public Map<String, RuleOverride> ruleOverrides() {
    return ruleOverrides;
  }

  public RuleOverride override(String ruleId) {
    return ruleOverrides.getOrDefault(ruleId, RuleOverride.NONE);
  }

  @Override
  public String toString() {
    return id + " (" + title + ", evaluated on " + evaluationDate + ")";
  }
}
