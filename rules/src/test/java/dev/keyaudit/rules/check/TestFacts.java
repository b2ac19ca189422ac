package dev.keyaudit.rules.check;

import dev.keyaudit.rules.facts.AlgorithmUse;
import dev.keyaudit.rules.facts.EmbeddedKeyMaterial;
import dev.keyaudit.rules.facts.KeyDerivation;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.KeyPassword;
import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.facts.SecretKeyConstruction;
import dev.keyaudit.rules.facts.SecureRandomCreation;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.List;

/** Builds facts the way a frontend would, for evaluator tests. */
final class TestFacts {

  static final String FILE = "src/main/java/com/acme/Keys.java";
  static final Location AT = Location.line(FILE, 10);
  static final Location INIT = Location.line(FILE, 11);

  private TestFacts() {}

  /** A literal argument at the init call. */
  static <T> Value<T> lit(T value) {
    return Value.known(value, new TraceStep(INIT, "argument " + value));
  }

  /** A value from a constant in another class, passed at the init call. */
  static <T> Value.Known<T> fromConstant(T value, String constant, Location declared) {
    return Value.known(
        value,
        List.of(
            new TraceStep(declared, "constant " + constant + " = " + value),
            new TraceStep(INIT, "argument of initialize")));
  }

  static RngSpec drbg(int strength) {
    return new RngSpec(
        true, Value.known("DRBG"), Value.known(strength), Value.known("PR_AND_RESEED"));
  }

  static final RngSpec STRONG_RNG = drbg(256);

  static KeyGeneration keyGen(String algorithm, Value<Integer> size, RngSpec rng) {
    return new KeyGeneration(AT, lit(algorithm), size, rng);
  }

  static KeyGeneration keyGen(String algorithm, int size) {
    return keyGen(algorithm, lit(size), STRONG_RNG);
  }

  static KeyPairGeneration keyPair(String algorithm, int size) {
    return new KeyPairGeneration(AT, lit(algorithm), lit(size), null, STRONG_RNG);
  }

  static KeyPairGeneration keyPair(String algorithm, Value<Integer> size, RngSpec rng) {
    return new KeyPairGeneration(AT, lit(algorithm), size, null, rng);
  }

  static KeyPairGeneration onCurve(String algorithm, String curve) {
    return new KeyPairGeneration(
        AT,
        lit(algorithm),
        Value.unknown("initialized with a parameter spec"),
        lit(curve),
        STRONG_RNG);
  }

  /** {@code KeyPairGenerator.getInstance(algorithm)} with no initialize: Ed25519 and the like. */
  static KeyPairGeneration named(String algorithm) {
    return new KeyPairGeneration(
        AT, lit(algorithm), Value.providerDefault(null, "no initialize"), null, STRONG_RNG);
  }

  static AlgorithmUse use(String api, String algorithm) {
    return new AlgorithmUse(AT, api, lit(algorithm));
  }

  static SecureRandomCreation secureRandom(String algorithm) {
    return new SecureRandomCreation(AT, "SecureRandom.getInstance", lit(algorithm), null, null);
  }

  static SecureRandomCreation drbgCreation(Value<Integer> strength, Value<String> capability) {
    return new SecureRandomCreation(
        AT, "SecureRandom.getInstance", lit("DRBG"), strength, capability);
  }

  static RngSeeding seeding(String rngType, SeedSource seed, boolean beforeFirstUse) {
    return new RngSeeding(AT, "setSeed", rngType, lit(seed), beforeFirstUse);
  }

  static NonCryptoRandomUse nonCrypto(RandomSink sink) {
    return new NonCryptoRandomUse(
        AT, "java.util.Random", sink, List.of(new TraceStep(AT, "new Random()")));
  }

  static SecretKeyConstruction keySpec(String algorithm, Value<Secret> material) {
    return keySpec("SecretKeySpec", algorithm, material);
  }

  static SecretKeyConstruction keySpec(String api, String algorithm, Value<Secret> material) {
    return new SecretKeyConstruction(AT, api, lit(algorithm), material);
  }

  static EmbeddedKeyMaterial pem() {
    return new EmbeddedKeyMaterial(
        AT,
        "PEM RSA PRIVATE KEY",
        Secret.ofText("-----BEGIN RSA PRIVATE KEY-----MIIEpAIBAAKCAQEA"));
  }

  static KeyPassword password(Value<Secret> password) {
    return new KeyPassword(AT, "KeyStore.load", password);
  }

  static KeyDerivation pbkdf(Value<Secret> salt, int iterations, Integer keyLength) {
    return new KeyDerivation(
        AT, "PBEKeySpec", salt, lit(iterations), keyLength == null ? null : lit(keyLength));
  }

  static Value<Secret> randomSalt() {
    return Value.unknown("filled by SecureRandom.nextBytes");
  }

  static Value<Secret> constantBytes(int length) {
    return lit(Secret.ofBytes(new byte[length]));
  }
}
