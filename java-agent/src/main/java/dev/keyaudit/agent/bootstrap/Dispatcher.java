package dev.keyaudit.agent.bootstrap;

/**
 * The bridge between advice inlined into {@code java.base} classes and the agent: JDK-only, loaded
 * by the bootstrap class loader. It keeps per-thread state (the key-generation scope, the first RNG
 * drawn inside it, the recursion guard) and forwards to the {@link Hooks} the agent installed.
 *
 * <p>Every method is safe to call from any JDK code: it never throws except to deliver an enforce
 * decision that {@link Hooks} returned, and it does nothing on threads that run agent code (the
 * agent itself uses {@code SecureRandom} and {@code MessageDigest}).
 */
public final class Dispatcher {

  private static volatile Hooks hooks;

  /** Whether call-site markers are kept: only when the hooks build events from them. */
  private static volatile boolean callSites;

  private static final ThreadLocal<Scope> SCOPE = ThreadLocal.withInitial(Scope::new);

  private Dispatcher() {}

  /** Per-thread state; plain fields, only ever touched by the owning thread. */
  static final class Scope {
    int initDepth;
    int generationDepth;
    Object rng;
    boolean inAgent;

    /** The last call-site marker: the generator about to be called, its caller class and site. */
    Object markedGenerator;

    Class<?> markedOwner;
    int markedSite;

    /** The call site of the generation in progress (owner null: unknown, walk the stack). */
    Class<?> siteOwner;

    int site;
  }

  /** Connects the agent (null disconnects it). */
  public static void install(Hooks h) {
    callSites = h != null && h.usesCallSites();
    hooks = h;
  }

  /** Marks the current thread as agent-owned for its whole life (writer threads). */
  public static void markAgentThread() {
    SCOPE.get().inAgent = true;
  }

  /** Runs agent work on an application thread with the recursion guard set. */
  public static boolean enterAgent() {
    Scope s = SCOPE.get();
    if (s.inAgent) {
      return false;
    }
    s.inAgent = true;
    return true;
  }

  /** Ends what {@link #enterAgent} started (only when it returned true). */
  public static void exitAgent() {
    SCOPE.get().inAgent = false;
  }

  /** Advice on {@code init}/{@code initialize}; true when this call opened the init scope. */
  public static boolean enterInit(Object generator, Object[] args) {
    Hooks h = hooks;
    if (h == null) {
      return false;
    }
    Scope s = SCOPE.get();
    if (s.inAgent) {
      return false;
    }
    if (s.initDepth++ > 0 || s.generationDepth > 0) {
      return true;
    }
    RuntimeException denial = null;
    s.inAgent = true;
    try {
      denial = h.onInit(generator, args);
    } catch (Throwable ignored) {
      // audit must never break the application
    } finally {
      s.inAgent = false;
    }
    if (denial != null) {
      s.initDepth--;
      throw denial;
    }
    return true;
  }

  /** Closes what {@link #enterInit} opened. */
  public static void exitInit(boolean opened) {
    if (opened) {
      SCOPE.get().initDepth--;
    }
  }

  /**
   * Woven into application classes right before a direct {@code generateKey()}/{@code
   * generateKeyPair()} call: {@code owner} (the calling class) and {@code site} (its registered
   * call site) name the caller of the key {@code generator} is about to make, so the agent need not
   * walk the stack for it. The marker counts only if the very next generation entered on this
   * thread is on the same generator; a call that never got there (a null receiver) leaves nothing
   * behind.
   */
  public static void callSite(Object generator, Class<?> owner, int site) {
    if (!callSites) {
      return; // no agent, or an agent that emits nothing: not even a thread-local lookup
    }
    Scope s = SCOPE.get();
    s.markedGenerator = generator;
    s.markedOwner = owner;
    s.markedSite = site;
  }

  /** Advice on entry of {@code generateKey}/{@code generateKeyPair}; true when a scope opened. */
  public static boolean enterGeneration(Object generator) {
    Hooks h = hooks;
    if (h == null) {
      return false;
    }
    Scope s = SCOPE.get();
    Class<?> owner = s.markedGenerator == generator ? s.markedOwner : null;
    s.markedGenerator = null;
    s.markedOwner = null;
    if (s.inAgent) {
      return false;
    }
    if (s.generationDepth++ > 0) {
      return true;
    }
    s.rng = null;
    s.siteOwner = owner;
    s.site = owner == null ? 0 : s.markedSite;
    RuntimeException denial = null;
    s.inAgent = true;
    try {
      denial = h.beforeGeneration(generator, s.siteOwner, s.site);
    } catch (Throwable ignored) {
      // audit must never break the application
    } finally {
      s.inAgent = false;
    }
    if (denial != null) {
      s.generationDepth--;
      s.siteOwner = null;
      throw denial;
    }
    return true;
  }

  /** Advice on exit of {@code generateKey}/{@code generateKeyPair}. */
  public static void exitGeneration(
      boolean opened, Object generator, Object key, Throwable thrown) {
    if (!opened) {
      return;
    }
    Scope s = SCOPE.get();
    if (--s.generationDepth > 0) {
      return;
    }
    Object rng = s.rng;
    s.rng = null;
    Class<?> owner = s.siteOwner;
    s.siteOwner = null;
    Hooks h = hooks;
    if (h == null) {
      return;
    }
    RuntimeException denial = null;
    s.inAgent = true;
    try {
      denial = h.afterGeneration(generator, key, thrown, rng, owner, s.site);
    } catch (Throwable ignored) {
      // audit must never break the application
    } finally {
      s.inAgent = false;
    }
    if (denial != null && thrown == null) {
      throw denial;
    }
  }

  /** A normal return from {@code generateKey}/{@code generateKeyPair}: returns {@code key}. */
  public static Object returnedFromGeneration(Object key, boolean opened, Object generator) {
    exitGeneration(opened, generator, key, null);
    return key;
  }

  /** {@code generateKey}/{@code generateKeyPair} threw {@code thrown} (rethrown by the caller). */
  public static void thrownFromGeneration(Throwable thrown, boolean opened, Object generator) {
    exitGeneration(opened, generator, null, thrown);
  }

  /** Advice on {@code SecureRandom.nextBytes}/{@code generateSeed}: the hot path, no calls out. */
  public static void rngUsed(Object rng) {
    if (hooks == null) {
      return;
    }
    Scope s = SCOPE.get();
    if (s.generationDepth > 0 && s.rng == null && !s.inAgent) {
      s.rng = rng;
    }
  }

  /** Advice on {@code SecureRandom} constructors. */
  public static void rngCreated(Object rng) {
    Hooks h = hooks;
    if (h == null) {
      return;
    }
    Scope s = SCOPE.get();
    if (s.inAgent) {
      return;
    }
    s.inAgent = true;
    try {
      h.onRngCreated(rng);
    } catch (Throwable ignored) {
      // audit must never break the application
    } finally {
      s.inAgent = false;
    }
  }

  /** Advice on {@code SecureRandom.setSeed(byte[])} and {@code reseed}. */
  public static void rngSeeded(Object rng, boolean reseed) {
    Hooks h = hooks;
    if (h == null) {
      return;
    }
    Scope s = SCOPE.get();
    if (s.inAgent) {
      return;
    }
    s.inAgent = true;
    try {
      h.onRngSeeded(rng, reseed);
    } catch (Throwable ignored) {
      // audit must never break the application
    } finally {
      s.inAgent = false;
    }
  }

  /** Advice on {@code SecretKeySpec} constructors; keys built inside a generation are skipped. */
  public static void keyBuilt(String algorithm, byte[] key) {
    Hooks h = hooks;
    if (h == null || key == null) {
      return;
    }
    Scope s = SCOPE.get();
    if (s.inAgent || s.generationDepth > 0) {
      return;
    }
    s.inAgent = true;
    try {
      h.onKeyBuilt(algorithm, key.length);
    } catch (Throwable ignored) {
      // audit must never break the application
    } finally {
      s.inAgent = false;
    }
  }

  /** Advice on exit of {@code KeyFactory.generatePrivate}. */
  public static void keyLoaded(Object factory, Object key) {
    Hooks h = hooks;
    if (h == null || key == null) {
      return;
    }
    Scope s = SCOPE.get();
    if (s.inAgent || s.generationDepth > 0) {
      return;
    }
    s.inAgent = true;
    try {
      h.onKeyLoaded(factory, key);
    } catch (Throwable ignored) {
      // audit must never break the application
    } finally {
      s.inAgent = false;
    }
  }
}
