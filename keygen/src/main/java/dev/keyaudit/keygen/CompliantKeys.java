package dev.keyaudit.keygen;

import dev.keyaudit.keygen.JcaKeyMaker.Made;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.Security;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Policy-checked key generation: the entry point of this library.
 *
 * <pre>{@code
 * CompliantKeys keys = CompliantKeys.forPolicy("cnsa-2.0").withEnvironment("prod").withTenant("acme");
 * SecretKey dataKey = keys.aes(256);
 * KeyPair signing = keys.mlDsa(87);
 * }</pre>
 *
 * <p>Every request is judged by the policy first; a forbidden one throws {@link
 * PolicyViolationException} naming the rule and threshold, before any key exists. Allowed keys come
 * from an SP 800-90A DRBG of the caller's environment and tenant, at least as strong as the key,
 * and every attempt, success or failure, emits a {@link GenerationRecord}. Instances are immutable
 * and thread-safe; the {@code with...} methods return new ones.
 */
public final class CompliantKeys {

  /** PBKDF2 iterations for new derivations (OWASP 2023 figure for PBKDF2-HMAC-SHA256). */
  public static final int DEFAULT_KDF_ITERATIONS = 600_000;

  /** Salt length for new derivations: 256 bits. */
  public static final int SALT_BYTES = 32;

  /** System property naming the service in evidence records; else {@code OTEL_SERVICE_NAME}. */
  public static final String SERVICE_PROPERTY = "keyaudit.service";

  private static final Set<Integer> AES_SIZES = Set.of(128, 192, 256);
  private static final Set<Integer> ML_KEM_SETS = Set.of(512, 768, 1024);
  private static final Set<Integer> ML_DSA_SETS = Set.of(44, 65, 87);
  private static final int MAX_RSA_BITS = 16384;
  private static final int MAX_HMAC_KEY_BITS = 4096;

  private final KeyPolicy policy;
  private final Scope scope;
  private final String service;
  private final List<GenerationListener> listeners;
  private final Clock clock;
  private final RandomSource randomness;
  private final int kdfIterations;

  private CompliantKeys(
      KeyPolicy policy,
      Scope scope,
      String service,
      List<GenerationListener> listeners,
      Clock clock,
      RandomSource randomness,
      int kdfIterations) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.scope = Objects.requireNonNull(scope, "scope");
    this.service = service;
    this.listeners = List.copyOf(listeners);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.randomness = Objects.requireNonNull(randomness, "randomness");
    this.kdfIterations = kdfIterations;
  }

  /**
   * Keys under a built-in policy, for this process's environment ({@link Scope#ofProcess()}), from
   * the shared {@link DrbgRegistry}.
   *
   * @throws IllegalArgumentException for an unknown policy id
   */
  public static CompliantKeys forPolicy(String policyId) {
    return forPolicy(PolicyTable.builtIn(policyId));
  }

  /** Keys under {@code policy}, for this process's environment, from the shared registry. */
  public static CompliantKeys forPolicy(KeyPolicy policy) {
    return create(policy, Scope.ofProcess(), DrbgRegistry.shared());
  }

  static CompliantKeys create(KeyPolicy policy, Scope scope, RandomSource randomness) {
    return new CompliantKeys(
        policy,
        scope,
        defaultService(),
        List.of(),
        Clock.systemUTC(),
        randomness,
        DEFAULT_KDF_ITERATIONS);
  }

  /** Same policy, keys for {@code environment} ("prod", "staging", "test"...). */
  public CompliantKeys withEnvironment(String environment) {
    return copy(
        scope.withEnvironment(environment), service, listeners, clock, randomness, kdfIterations);
  }

  /** Same policy, keys for {@code tenant}, from that tenant's own DRBG. */
  public CompliantKeys withTenant(String tenant) {
    return copy(scope.withTenant(tenant), service, listeners, clock, randomness, kdfIterations);
  }

  /** Names the service in evidence records ({@code service.name}). */
  public CompliantKeys withService(String serviceName) {
    return copy(
        scope,
        Objects.requireNonNull(serviceName, "serviceName"),
        listeners,
        clock,
        randomness,
        kdfIterations);
  }

  /** Adds a listener that receives every record. */
  public CompliantKeys withListener(GenerationListener listener) {
    List<GenerationListener> more = new ArrayList<>(listeners);
    more.add(Objects.requireNonNull(listener, "listener"));
    return copy(scope, service, more, clock, randomness, kdfIterations);
  }

  /** The clock that dates records and decides transition deadlines (for tests and replays). */
  public CompliantKeys withClock(Clock c) {
    return copy(scope, service, listeners, c, randomness, kdfIterations);
  }

  /** Takes DRBGs from {@code registry} instead of the shared one. */
  public CompliantKeys withDrbgRegistry(DrbgRegistry registry) {
    return copy(scope, service, listeners, clock, registry, kdfIterations);
  }

  /**
   * PBKDF2 iterations for new derivations and for keystore protection.
   *
   * @throws PolicyViolationException (KA304) below the policy's floor
   */
  public CompliantKeys withKdfIterations(int iterations) {
    policy.checkPbkdf2(policy.pbkdf2Prfs().get(0), iterations, Pbkdf2Parameters.MIN_SALT_BYTES);
    return copy(scope, service, listeners, clock, randomness, iterations);
  }

  private CompliantKeys copy(
      Scope s, String svc, List<GenerationListener> l, Clock c, RandomSource r, int iterations) {
    return new CompliantKeys(policy, s, svc, l, c, r, iterations);
  }

  public KeyPolicy policy() {
    return policy;
  }

  public Scope scope() {
    return scope;
  }

  public int kdfIterations() {
    return kdfIterations;
  }

  /** An AES key of 128, 192 or 256 bits. */
  public SecretKey aes(int bits) {
    require(AES_SIZES.contains(bits), "AES key size must be 128, 192 or 256, got " + bits);
    return secret(new KeyRequest(KeyFamily.AES, "AES", bits, null));
  }

  /** An HMAC key, e.g. {@code hmac("HmacSHA256", 256)}; the key length is a multiple of 8. */
  public SecretKey hmac(String algorithm, int keyBits) {
    return secret(hmacRequest(algorithm, keyBits));
  }

  /** An RSA key pair with public exponent 65537. */
  public KeyPair rsa(int modulusBits) {
    require(
        modulusBits > 0 && modulusBits <= MAX_RSA_BITS,
        "RSA modulus must be at most " + MAX_RSA_BITS + " bits, got " + modulusBits);
    return pair(new KeyRequest(KeyFamily.RSA, "RSA", modulusBits, null));
  }

  /** An EC key pair on a named curve ("secp384r1", also "P-384"). */
  public KeyPair ec(String curve) {
    String name = JcaNames.curve(Objects.requireNonNull(curve, "curve"));
    return pair(new KeyRequest(KeyFamily.EC, "EC", JcaNames.curveBits(name), name));
  }

  /** An Ed25519 signing key pair. */
  public KeyPair ed25519() {
    // keyaudit:ignore KA101, KA105 -- pair() refuses this under policies that forbid it
    return pair(new KeyRequest(KeyFamily.EDDSA, "EdDSA", 255, "Ed25519"));
  }

  /** An Ed448 signing key pair. */
  public KeyPair ed448() {
    // keyaudit:ignore KA101, KA105 -- pair() refuses this under policies that forbid it
    return pair(new KeyRequest(KeyFamily.EDDSA, "EdDSA", 448, "Ed448"));
  }

  /** An X25519 key-agreement key pair. */
  public KeyPair x25519() {
    // keyaudit:ignore KA101, KA105 -- pair() refuses this under policies that forbid it
    return pair(new KeyRequest(KeyFamily.XDH, "XDH", 255, "X25519"));
  }

  /** An X448 key-agreement key pair. */
  public KeyPair x448() {
    // keyaudit:ignore KA101, KA105 -- pair() refuses this under policies that forbid it
    return pair(new KeyRequest(KeyFamily.XDH, "XDH", 448, "X448"));
  }

  /**
   * An ML-KEM key pair: {@code mlKem(1024)} is ML-KEM-1024.
   *
   * @throws UnsupportedOperationException before JDK 24
   */
  public KeyPair mlKem(int parameterSet) {
    require(ML_KEM_SETS.contains(parameterSet), "ML-KEM parameter set must be 512, 768 or 1024");
    return pair(new KeyRequest(KeyFamily.ML_KEM, "ML-KEM", 0, "ML-KEM-" + parameterSet));
  }

  /**
   * An ML-DSA key pair: {@code mlDsa(87)} is ML-DSA-87.
   *
   * @throws UnsupportedOperationException before JDK 24
   */
  public KeyPair mlDsa(int parameterSet) {
    require(ML_DSA_SETS.contains(parameterSet), "ML-DSA parameter set must be 44, 65 or 87");
    return pair(new KeyRequest(KeyFamily.ML_DSA, "ML-DSA", 0, "ML-DSA-" + parameterSet));
  }

  /**
   * Derives a key from a password with the policy's preferred PBKDF2, {@link #kdfIterations()}
   * iterations and a fresh random 256-bit salt. Store the returned parameters to derive it again.
   *
   * @param keyAlgorithm "AES" or an HMAC name; judged like a generated key of that size
   * @throws PolicyViolationException for an empty password (KA303) or a key the policy forbids
   */
  public DerivedKey pbkdf2(char[] password, String keyAlgorithm, int keyBits) {
    KeyRequest r = secretRequest(keyAlgorithm, keyBits);
    Made<SecretKey> made =
        produce(
            GenerationRecord.ACTION_DERIVATION,
            r,
            rng -> {
              byte[] salt = new byte[SALT_BYTES];
              rng.nextBytes(salt);
              Pbkdf2Parameters p =
                  new Pbkdf2Parameters(
                      policy.pbkdf2Prfs().get(0), salt, kdfIterations, r.algorithm(), keyBits);
              return derive(password, p);
            });
    return new DerivedKey(made.key(), made.kdf());
  }

  /**
   * Derives again the key described by stored {@code parameters}.
   *
   * @throws PolicyViolationException when the stored parameters no longer meet the policy
   */
  public SecretKey rederive(char[] password, Pbkdf2Parameters parameters) {
    KeyRequest r = secretRequest(parameters.keyAlgorithm(), parameters.keyBits());
    return produce(GenerationRecord.ACTION_DERIVATION, r, rng -> derive(password, parameters))
        .key();
  }

  /** PKCS#12 and encrypted PKCS#8 helpers protected under this policy. */
  public KeyStores keyStores() {
    return new KeyStores(this);
  }

  private Made<SecretKey> derive(char[] password, Pbkdf2Parameters p)
      throws GeneralSecurityException {
    if (password == null || password.length == 0) {
      throw new PolicyViolationException(
          RuleId.KA303,
          policy.id(),
          "an empty password",
          "a non-empty password read from a secret store (CEK-10)");
    }
    policy.checkPbkdf2(p.prf(), p.iterations(), p.salt().length);
    SecretKeyFactory factory = SecretKeyFactory.getInstance(p.prf());
    PBEKeySpec spec = new PBEKeySpec(password, p.salt(), p.iterations(), p.keyBits());
    byte[] bytes = null;
    try {
      bytes = factory.generateSecret(spec).getEncoded();
      return new Made<>(
          new SecretKeySpec(bytes, p.keyAlgorithm()),
          factory.getProvider().getName(),
          bytes.length * 8,
          null,
          p);
    } finally {
      spec.clearPassword();
      if (bytes != null) {
        Arrays.fill(bytes, (byte) 0);
      }
    }
  }

  private KeyRequest secretRequest(String keyAlgorithm, int keyBits) {
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    if (keyAlgorithm.equalsIgnoreCase("AES")) {
      require(AES_SIZES.contains(keyBits), "AES key size must be 128, 192 or 256, got " + keyBits);
      return new KeyRequest(KeyFamily.AES, "AES", keyBits, null);
    }
    return hmacRequest(keyAlgorithm, keyBits);
  }

  private static KeyRequest hmacRequest(String algorithm, int keyBits) {
    String name = JcaNames.hmac(Objects.requireNonNull(algorithm, "algorithm"));
    require(
        name.startsWith("Hmac"),
        "not an HMAC algorithm: '" + algorithm + "' (use aes() for AES keys)");
    require(
        keyBits > 0 && keyBits % 8 == 0 && keyBits <= MAX_HMAC_KEY_BITS,
        "HMAC key length must be a multiple of 8 up to " + MAX_HMAC_KEY_BITS + ", got " + keyBits);
    return new KeyRequest(KeyFamily.HMAC, name, keyBits, null);
  }

  private SecretKey secret(KeyRequest r) {
    return produce(GenerationRecord.ACTION_GENERATION, r, rng -> JcaKeyMaker.secretKey(r, rng))
        .key();
  }

  private KeyPair pair(KeyRequest r) {
    return produce(GenerationRecord.ACTION_GENERATION, r, rng -> JcaKeyMaker.keyPair(r, rng)).key();
  }

  /** One JCA step that produces a key from the DRBG it is given. */
  @FunctionalInterface
  private interface Step<K> {
    Made<K> make(SecureRandom rng) throws GeneralSecurityException;
  }

  /** Judge, pick the DRBG, produce, record: the one path every key takes. */
  private <K> Made<K> produce(String action, KeyRequest r, Step<K> step) {
    CallSite caller = CallSite.capture();
    RngDescription used = null;
    try {
      Verdict verdict = policy.judge(r, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
      Drbg drbg = drbg(policy.drbgStrengthFor(r));
      used = drbg.description();
      Made<K> made = step.make(drbg.random());
      emit(
          new GenerationRecord(
              clock.instant(),
              action,
              r,
              GenerationRecord.Outcome.success(verdict),
              made.provider(),
              made.measuredSize() > 0 ? made.measuredSize() : null,
              made.fingerprint(),
              made.kdf(),
              used,
              context(caller)));
      return made;
    } catch (GeneralSecurityException e) {
      KeyGenerationException failure =
          new KeyGenerationException(r.label() + " could not be generated: " + e.getMessage(), e);
      emit(failed(action, r, failure, used, caller));
      throw failure;
    } catch (RuntimeException e) {
      emit(failed(action, r, e, used, caller));
      throw e;
    }
  }

  private GenerationRecord failed(
      String action, KeyRequest r, Throwable error, RngDescription used, CallSite caller) {
    return new GenerationRecord(
        clock.instant(),
        action,
        r,
        GenerationRecord.Outcome.failure(error),
        null,
        null,
        null,
        null,
        used,
        context(caller));
  }

  private GenerationRecord.Context context(CallSite caller) {
    return new GenerationRecord.Context(policy.id(), scope, service, caller);
  }

  private void emit(GenerationRecord record) {
    EvidenceLogger.emit(record, listeners);
  }

  /** The scope's DRBG at {@code strength}, checked against the policy before use. */
  Drbg drbg(int strength) {
    Drbg d;
    try {
      d = randomness.drbg(scope, strength, policy.drbgCapability());
    } catch (NoSuchAlgorithmException e) {
      throw policy.refuse(
          RuleId.KA204,
          "a " + strength + "-bit " + policy.drbgCapability() + " DRBG",
          "a DRBG the platform can instantiate at >= "
              + strength
              + " bits; check the securerandom.drbg.config security property (now '"
              + Security.getProperty("securerandom.drbg.config")
              + "')");
    }
    policy.checkDrbg(d.description(), strength);
    return d;
  }

  private static String defaultService() {
    String s = System.getProperty(SERVICE_PROPERTY);
    if (s == null || s.isBlank()) {
      s = System.getenv("OTEL_SERVICE_NAME");
    }
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }
}
