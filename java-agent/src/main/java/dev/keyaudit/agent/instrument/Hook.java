package dev.keyaudit.agent.instrument;

/**
 * What is woven into one JCA method: each hook is a call to a static method of the bootstrap {@code
 * Dispatcher}, the one agent class that {@code java.base} code can see.
 */
enum Hook {
  /** {@code KeyGenerator.init*}, {@code KeyPairGenerator.initialize*}: scope around the body. */
  INIT(true),
  /** {@code generateKey()}, {@code generateKeyPair()}: scope around the body, sees the result. */
  GENERATE(true),
  /** {@code SecureRandom.nextBytes*}, {@code generateSeed}: on entry. */
  RNG_USED(false),
  /** {@code SecureRandom.setSeed(byte[])}: on normal return. */
  RNG_SEEDED(false),
  /** {@code SecureRandom.reseed*}: on normal return. */
  RNG_RESEEDED(false),
  /** {@code SecureRandom} constructors: on normal return. */
  RNG_CREATED(false),
  /** {@code SecretKeySpec} constructors: on normal return, the key length only. */
  KEY_BUILT(false),
  /** {@code KeyFactory.generatePrivate}: on normal return, with the key. */
  KEY_LOADED(false);

  /** True when the hook keeps a scope open and must close it on every exit, thrown or not. */
  final boolean scoped;

  Hook(boolean scoped) {
    this.scoped = scoped;
  }
}
