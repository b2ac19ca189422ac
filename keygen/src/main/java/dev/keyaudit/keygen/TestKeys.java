package dev.keyaudit.keygen;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters.Capability;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The only way to generate reproducible keys: for tests and fixtures, never for production. Keys
 * come from a seeded Hash_DRBG, one per environment and tenant, and every record says {@code
 * crypto.rng.deterministic: true}. It refuses to run (KA203) when the environment, or the process's
 * own environment ({@code keyaudit.environment} / {@code KEYAUDIT_ENVIRONMENT}), is a production
 * one.
 */
public final class TestKeys {

  private TestKeys() {}

  /**
   * Reproducible keys under {@code policyId} for {@code environment}: the same seed gives the same
   * keys in the same order, in every run.
   *
   * @throws PolicyViolationException (KA203) when the environment is production
   */
  public static CompliantKeys deterministic(String policyId, String environment, byte[] seed) {
    Objects.requireNonNull(seed, "seed");
    if (seed.length == 0) {
      throw new IllegalArgumentException("seed must not be empty");
    }
    KeyPolicy policy = PolicyTable.builtIn(policyId);
    Scope scope = new Scope(environment, null);
    refuseProduction(policy, scope);
    return CompliantKeys.create(policy, scope, new Source(policy, seed));
  }

  static void refuseProduction(KeyPolicy policy, Scope scope) {
    String process = Scope.processEnvironment().orElse(Scope.UNSPECIFIED);
    String production = scope.isProduction() ? scope.environment() : null;
    if (production == null && Scope.isProduction(process)) {
      production = process + " (process environment)";
    }
    if (production != null) {
      throw new PolicyViolationException(
          RuleId.KA203,
          policy.id(),
          "deterministic test key generation in environment " + production,
          "seeded (deterministic) RNGs only outside production (CEK-10 auditing guideline 9)");
    }
  }

  /** One seeded DRBG per scope; the scope is part of its personalization, so scopes differ. */
  private static final class Source implements RandomSource {
    private final KeyPolicy policy;
    private final byte[] seed;
    private final Map<Scope, Drbg> instances = new ConcurrentHashMap<>();

    Source(KeyPolicy policy, byte[] seed) {
      this.policy = policy;
      this.seed = seed.clone();
    }

    @Override
    public Drbg drbg(Scope scope, int strength, Capability capability) {
      refuseProduction(policy, scope);
      return instances.computeIfAbsent(scope, this::create);
    }

    private Drbg create(Scope scope) {
      byte[] personalization =
          ("dev.keyaudit.keygen/test;environment="
                  + scope.environment()
                  + ";tenant="
                  + scope.tenantId().orElse("-"))
              .getBytes(StandardCharsets.UTF_8);
      byte[] nonce = TestKeys.class.getName().getBytes(StandardCharsets.UTF_8);
      DeterministicSecureRandom random =
          new DeterministicSecureRandom(seed, nonce, personalization);
      return new Drbg(random, RngDescription.observe(random, true));
    }
  }
}
