package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An object created by an API call in the scanned file: a key (pair) generator, a {@code
 * SecureRandom} or a non-cryptographic random source. Its creation site is the location of the fact
 * it becomes.
 */
final class TrackedObject extends Receiver {

  enum Kind {
    KEY_GENERATOR,
    KEY_PAIR_GENERATOR,
    SECURE_RANDOM,
    NON_CRYPTO_RANDOM
  }

  final Kind kind;
  final String api;
  final Location location;

  /** Generator or SecureRandom algorithm; null for non-cryptographic sources. */
  final Value<String> algorithm;

  /** The provider named at {@code getInstance} is BouncyCastle (its defaults differ). */
  final boolean bouncyCastle;

  /** SecureRandom only: DRBG instantiation strength and capability (null when not a DRBG). */
  final Value<Integer> drbgStrength;

  final Value<String> drbgCapability;

  /** Fields this object was stored in: their slot's history is this object's too. */
  final Set<FieldInfo> storedIn = new LinkedHashSet<>();

  private TrackedObject(
      Kind kind,
      String api,
      Location location,
      Value<String> algorithm,
      boolean bouncyCastle,
      Value<Integer> drbgStrength,
      Value<String> drbgCapability) {
    this.kind = kind;
    this.api = api;
    this.location = location;
    this.algorithm = algorithm;
    this.bouncyCastle = bouncyCastle;
    this.drbgStrength = drbgStrength;
    this.drbgCapability = drbgCapability;
  }

  static TrackedObject generator(
      Kind kind, String api, Location location, Value<String> algorithm, boolean bouncyCastle) {
    return new TrackedObject(kind, api, location, algorithm, bouncyCastle, null, null);
  }

  static TrackedObject secureRandom(
      String api,
      Location location,
      Value<String> algorithm,
      Value<Integer> drbgStrength,
      Value<String> drbgCapability) {
    return new TrackedObject(
        Kind.SECURE_RANDOM, api, location, algorithm, false, drbgStrength, drbgCapability);
  }

  static TrackedObject nonCryptoRandom(String api, Location location) {
    return new TrackedObject(Kind.NON_CRYPTO_RANDOM, api, location, null, false, null, null);
  }

  boolean isGenerator() {
    return kind == Kind.KEY_GENERATOR || kind == Kind.KEY_PAIR_GENERATOR;
  }

  TraceStep creationStep() {
    return new TraceStep(location, api + " created");
  }

  @Override
  public String toString() {
    return api + "@" + location;
  }
}
