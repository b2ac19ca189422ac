package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * An object whose history becomes facts once the class is analysed: a key generator (its
 * initialisations and generate calls), a {@code SecureRandom} or a non-cryptographic random source
 * (its seeds and where its output went). One instance per creating instruction, so the fixpoint
 * iterations of the analyser see the same identity.
 */
final class Tracked {

  enum Kind {
    KEY_GENERATOR,
    KEY_PAIR_GENERATOR,
    SECURE_RANDOM,
    NON_CRYPTO_RANDOM
  }

  /** A generate call and the initialisation states that reach it. */
  record Generate(Location at, java.util.Set<Object> states) {}

  /** A seed given to this source. */
  record Seed(Location at, String api, Value<SeedSource> seed, boolean beforeFirstUse) {}

  /** Where output of a non-cryptographic source ended. */
  record Sink(RandomSink sink, TraceStep at) {}

  final Kind kind;
  final String api;
  final Location location;
  final Value<String> algorithm;
  final boolean bouncyCastle;
  final Value<Integer> drbgStrength;
  final Value<String> drbgCapability;
  final List<Generate> generates = new ArrayList<>();
  final List<Seed> seeds = new ArrayList<>();
  final List<Sink> sinks = new ArrayList<>();

  Tracked(
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
