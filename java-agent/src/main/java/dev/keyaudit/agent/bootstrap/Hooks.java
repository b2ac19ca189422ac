package dev.keyaudit.agent.bootstrap;

/**
 * What the agent does when advice fires. Implemented in the agent's own class loader and handed to
 * {@link Dispatcher#install}; this interface lives on the bootstrap class path so that advice
 * inlined into {@code java.base} can reach it.
 *
 * <p>Methods that return a {@link RuntimeException} return {@code null} to let the call proceed, or
 * the exception that enforce mode wants thrown to the application. They never throw themselves.
 */
public interface Hooks {

  /**
   * Whether key events are built (a log or enforce mode); when not, {@link Dispatcher#callSite}
   * markers are skipped and a later JFR recording's events are located by walking the stack.
   */
  boolean usesCallSites();

  /** {@code KeyGenerator.init*} or {@code KeyPairGenerator.initialize*}, outermost call only. */
  RuntimeException onInit(Object generator, Object[] args);

  /**
   * Before {@code generateKey}/{@code generateKeyPair} runs (no key exists yet).
   *
   * @param siteOwner the calling class when a woven call-site marker names the caller ({@link
   *     Dispatcher#callSite}), else null: the caller must be found on the stack
   * @param site the call site registered for that marker
   */
  RuntimeException beforeGeneration(Object generator, Class<?> siteOwner, int site);

  /**
   * After the outermost generation returned or threw.
   *
   * @param rng the first {@code SecureRandom} drawn from inside the generation, or null
   * @param siteOwner as for {@link #beforeGeneration}
   */
  RuntimeException afterGeneration(
      Object generator, Object key, Throwable thrown, Object rng, Class<?> siteOwner, int site);

  /** A {@code SecureRandom} was constructed. */
  void onRngCreated(Object rng);

  /** {@code setSeed(byte[])} or {@code reseed(...)} was called on a {@code SecureRandom}. */
  void onRngSeeded(Object rng, boolean reseed);

  /** A {@code SecretKeySpec} was built from bytes outside any key generation. */
  void onKeyBuilt(String algorithm, int lengthBytes);

  /** {@code KeyFactory.generatePrivate} returned a key. */
  void onKeyLoaded(Object factory, Object key);
}
