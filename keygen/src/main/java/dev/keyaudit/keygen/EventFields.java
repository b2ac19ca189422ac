package dev.keyaudit.keygen;

/**
 * The field names of a key-generation event: the vocabulary shared by this library and the KeyAudit
 * runtime agent, so their logs merge. ECS names where ECS has one, OpenTelemetry semantic
 * conventions for code location and deployment, and owned {@code crypto.*} / {@code keyaudit.*}
 * namespaces for the rest. Documented in docs/keygen.md; never rename a field, add new ones.
 */
public final class EventFields {

  /** Event time, ISO-8601 UTC with nanoseconds. */
  public static final String TIMESTAMP = "@timestamp";

  /** Always "event". */
  public static final String EVENT_KIND = "event.kind";

  /** "key-generation" or "key-derivation". */
  public static final String EVENT_ACTION = "event.action";

  /** "success" or "failure". */
  public static final String EVENT_OUTCOME = "event.outcome";

  /** Why: the refusal or error message, or the status note of a transitional key. */
  public static final String EVENT_REASON = "event.reason";

  /** Who emitted the event: "keyaudit-keygen" here, "keyaudit-agent" from the agent. */
  public static final String EVENT_PROVIDER = "event.provider";

  /** JCA algorithm of the key: "AES", "HmacSHA384", "RSA", "EC", "Ed25519", "ML-KEM". */
  public static final String CRYPTO_ALGORITHM = "crypto.algorithm";

  /** "secret" or "key-pair". */
  public static final String CRYPTO_KEY_TYPE = "crypto.key.type";

  /** Key size in bits, from the generated key (AES/HMAC length, RSA modulus, curve field size). */
  public static final String CRYPTO_KEY_SIZE = "crypto.key.size";

  /** Named curve of an EC key ("secp384r1"). */
  public static final String CRYPTO_KEY_CURVE = "crypto.key.curve";

  /** Named parameter set ("Ed25519", "X448", "ML-KEM-1024", "ML-DSA-87"). */
  public static final String CRYPTO_KEY_PARAMETER_SET = "crypto.key.parameter_set";

  /** Security strength in bits the key provides (SP 800-57). */
  public static final String CRYPTO_KEY_SECURITY_STRENGTH = "crypto.key.security_strength";

  /** Lower-case hex SHA-256 of the public key's X.509 SubjectPublicKeyInfo; never of a secret. */
  public static final String CRYPTO_KEY_FINGERPRINT = "crypto.key.fingerprint";

  /** Provider that generated the key ("SunJCE", "SunRsaSign", "SunEC"). */
  public static final String CRYPTO_PROVIDER = "crypto.provider.name";

  /** KDF of a derived key ("PBKDF2WithHmacSHA256"). */
  public static final String CRYPTO_KDF_ALGORITHM = "crypto.kdf.algorithm";

  /** KDF iteration count. */
  public static final String CRYPTO_KDF_ITERATIONS = "crypto.kdf.iterations";

  /** KDF salt length in bits (never the salt). */
  public static final String CRYPTO_KDF_SALT_SIZE = "crypto.kdf.salt_size";

  /** SecureRandom algorithm ("DRBG", "NativePRNG", "SHA1PRNG"). */
  public static final String CRYPTO_RNG_ALGORITHM = "crypto.rng.algorithm";

  /** SecureRandom provider ("SUN"). */
  public static final String CRYPTO_RNG_PROVIDER = "crypto.rng.provider";

  /** SP 800-90A mechanism: "Hash_DRBG", "HMAC_DRBG", "CTR_DRBG", or "unknown". */
  public static final String CRYPTO_RNG_MECHANISM = "crypto.rng.mechanism";

  /** Hash or cipher inside the DRBG ("SHA-256", "AES-256"). */
  public static final String CRYPTO_RNG_DRBG_ALGORITHM = "crypto.rng.drbg_algorithm";

  /** Instantiated DRBG security strength in bits. */
  public static final String CRYPTO_RNG_STRENGTH = "crypto.rng.strength";

  /** "pr_and_reseed", "reseed_only" or "none". */
  public static final String CRYPTO_RNG_CAPABILITY = "crypto.rng.capability";

  /** True when every output draws fresh entropy. */
  public static final String CRYPTO_RNG_PREDICTION_RESISTANCE = "crypto.rng.prediction_resistance";

  /** True when the RNG is an SP 800-90A DRBG by its own report. */
  public static final String CRYPTO_RNG_SP800_90A = "crypto.rng.sp800_90a";

  /** The RNG's {@code toString()}, verbatim ("Hash_DRBG,SHA-256,256,pr_and_reseed"). */
  public static final String CRYPTO_RNG_RAW = "crypto.rng.raw";

  /** Process-local identity of the RNG object (hex identity hash). */
  public static final String CRYPTO_RNG_INSTANCE_ID = "crypto.rng.instance_id";

  /** True when the RNG was seeded for reproducible output (test keys only). */
  public static final String CRYPTO_RNG_DETERMINISTIC = "crypto.rng.deterministic";

  /** Fully qualified method that asked for the key ("com.acme.Signer.rotate"). */
  public static final String CODE_FUNCTION = "code.function.name";

  /** Source file of that method ("Signer.java"). */
  public static final String CODE_FILE = "code.file.path";

  /** Line in that file. */
  public static final String CODE_LINE = "code.line.number";

  /** Logical service name. */
  public static final String SERVICE_NAME = "service.name";

  /** Deployment environment ("prod", "staging", "test"). */
  public static final String ENVIRONMENT = "deployment.environment.name";

  /** Tenant id. */
  public static final String ORGANIZATION_ID = "organization.id";

  /** Policy the generation was judged by. */
  public static final String KEYAUDIT_POLICY = "keyaudit.policy";

  /** "acceptable", "transitional" or "deprecated" on success. */
  public static final String KEYAUDIT_STATUS = "keyaudit.status";

  /** Rule id of a refusal ("KA102"). */
  public static final String KEYAUDIT_RULE = "keyaudit.rule";

  /** Threshold a refused request did not meet. */
  public static final String KEYAUDIT_THRESHOLD = "keyaudit.threshold";

  /** Exception class of a failure. */
  public static final String ERROR_TYPE = "error.type";

  private EventFields() {}
}
