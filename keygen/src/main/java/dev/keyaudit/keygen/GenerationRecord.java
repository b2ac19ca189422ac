package dev.keyaudit.keygen;

import static dev.keyaudit.keygen.EventFields.*;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Evidence of one key generation or derivation: what was asked, what came out, from which RNG, for
 * whom, and the policy's verdict. Holds no key material: a public-key fingerprint at most.
 *
 * @param timestamp when the generation finished (or failed)
 * @param action "key-generation" or "key-derivation"
 * @param request what the caller asked for
 * @param outcome success with a status, or failure with the rule or error
 * @param keyProvider provider that generated the key, or null if none was reached
 * @param keySize key size in bits measured on the generated key, or null
 * @param fingerprint hex SHA-256 of the public key's encoding, or null for secret keys
 * @param kdf PBKDF2 parameters of a derived key, or null (only their sizes are logged)
 * @param rng the RNG used, or null if the request failed before one was chosen
 * @param context policy, environment, tenant, service and caller
 */
public record GenerationRecord(
    Instant timestamp,
    String action,
    KeyRequest request,
    Outcome outcome,
    String keyProvider,
    Integer keySize,
    String fingerprint,
    Pbkdf2Parameters kdf,
    RngDescription rng,
    Context context) {

  /** Emitter name in {@code event.provider}. */
  public static final String EVENT_SOURCE = "keyaudit-keygen";

  public static final String ACTION_GENERATION = "key-generation";
  public static final String ACTION_DERIVATION = "key-derivation";

  /**
   * How it ended.
   *
   * @param success true when a key was produced
   * @param status verdict status on success, null on failure
   * @param reason the status note on success (may be empty), the error message on failure
   * @param rule the refusing rule, or null
   * @param threshold the threshold not met, or null
   * @param errorType exception class on failure, or null
   */
  public record Outcome(
      boolean success,
      Verdict.Status status,
      String reason,
      RuleId rule,
      String threshold,
      String errorType) {

    static Outcome success(Verdict verdict) {
      return new Outcome(true, verdict.status(), verdict.note(), null, null, null);
    }

    static Outcome failure(Throwable error) {
      if (error instanceof PolicyViolationException refusal) {
        return new Outcome(
            false,
            null,
            refusal.getMessage(),
            refusal.rule(),
            refusal.threshold(),
            refusal.getClass().getName());
      }
      return new Outcome(
          false, null, String.valueOf(error.getMessage()), null, null, error.getClass().getName());
    }
  }

  /**
   * Who and where.
   *
   * @param policy policy id
   * @param scope environment and tenant
   * @param service service name, or null
   * @param caller the calling code
   */
  public record Context(String policy, Scope scope, String service, CallSite caller) {
    public Context {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(scope, "scope");
      Objects.requireNonNull(caller, "caller");
    }
  }

  public GenerationRecord {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(context, "context");
  }

  /** The record as event fields (names from {@link EventFields}), in a stable order. */
  public Map<String, Object> fields() {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put(TIMESTAMP, timestamp.toString());
    f.put(EVENT_KIND, "event");
    f.put(EVENT_PROVIDER, EVENT_SOURCE);
    f.put(EVENT_ACTION, action);
    f.put(EVENT_OUTCOME, outcome.success() ? "success" : "failure");
    if (outcome.reason() != null && !outcome.reason().isEmpty()) {
      f.put(EVENT_REASON, outcome.reason());
    }
    putKey(f);
    putRng(f);
    CallSite caller = context.caller();
    f.put(CODE_FUNCTION, caller.function());
    putIfPresent(f, CODE_FILE, caller.file());
    if (caller.line() > 0) {
      f.put(CODE_LINE, caller.line());
    }
    putIfPresent(f, SERVICE_NAME, context.service());
    f.put(ENVIRONMENT, context.scope().environment());
    putIfPresent(f, ORGANIZATION_ID, context.scope().tenant());
    f.put(KEYAUDIT_POLICY, context.policy());
    if (outcome.status() != null) {
      f.put(KEYAUDIT_STATUS, outcome.status().value());
    }
    if (outcome.rule() != null) {
      f.put(KEYAUDIT_RULE, outcome.rule().name());
    }
    putIfPresent(f, KEYAUDIT_THRESHOLD, outcome.threshold());
    putIfPresent(f, ERROR_TYPE, outcome.errorType());
    return Collections.unmodifiableMap(f);
  }

  private void putKey(Map<String, Object> f) {
    f.put(CRYPTO_ALGORITHM, request.algorithm());
    f.put(CRYPTO_KEY_TYPE, request.family().asymmetric() ? "key-pair" : "secret");
    Integer size = keySize != null ? keySize : (request.sizeBits() > 0 ? request.sizeBits() : null);
    putIfPresent(f, CRYPTO_KEY_SIZE, size);
    if (request.family() == KeyFamily.EC) {
      f.put(CRYPTO_KEY_CURVE, request.parameterName());
    } else {
      putIfPresent(f, CRYPTO_KEY_PARAMETER_SET, request.parameterName());
    }
    if (outcome.success()) {
      f.put(CRYPTO_KEY_SECURITY_STRENGTH, request.securityStrength());
    }
    putIfPresent(f, CRYPTO_KEY_FINGERPRINT, fingerprint);
    putIfPresent(f, CRYPTO_PROVIDER, keyProvider);
    if (kdf != null) {
      f.put(CRYPTO_KDF_ALGORITHM, kdf.prf());
      f.put(CRYPTO_KDF_ITERATIONS, kdf.iterations());
      f.put(CRYPTO_KDF_SALT_SIZE, kdf.salt().length * 8);
    }
  }

  private void putRng(Map<String, Object> f) {
    if (rng == null) {
      return;
    }
    f.put(CRYPTO_RNG_ALGORITHM, rng.algorithm());
    f.put(CRYPTO_RNG_PROVIDER, rng.provider());
    f.put(CRYPTO_RNG_MECHANISM, rng.mechanism());
    f.put(CRYPTO_RNG_DRBG_ALGORITHM, rng.drbgAlgorithm());
    f.put(CRYPTO_RNG_STRENGTH, rng.strength());
    f.put(CRYPTO_RNG_CAPABILITY, rng.capability());
    f.put(CRYPTO_RNG_PREDICTION_RESISTANCE, rng.predictionResistance());
    f.put(CRYPTO_RNG_SP800_90A, rng.sp800_90a());
    f.put(CRYPTO_RNG_RAW, rng.raw());
    f.put(CRYPTO_RNG_INSTANCE_ID, rng.instanceId());
    f.put(CRYPTO_RNG_DETERMINISTIC, rng.deterministic());
  }

  private static void putIfPresent(Map<String, Object> f, String name, Object value) {
    if (value != null) {
      f.put(name, value);
    }
  }

  /** The record as one JSON object on one line (JSON Lines). */
  public String toJson() {
    return Json.object(fields());
  }
}
