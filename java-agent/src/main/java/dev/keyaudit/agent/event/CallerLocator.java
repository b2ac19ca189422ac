package dev.keyaudit.agent.event;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Finds the application frame that caused a key event with a lazy {@link StackWalker} walk that
 * stops at the first frame outside the JDK, known providers and the agent.
 *
 * <p>Per event this is the biggest cost on the application thread, so frames are classified by
 * their {@code Class} (computed once per class, no string work per frame), and the caller's file
 * and line are remembered per call site (class, method, bytecode index): building a {@code
 * StackTraceElement} for every event costs more than the rest of the walk.
 */
public final class CallerLocator {

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

  /**
   * For {@link #locate}: reflection frames are JDK classes, which it skips anyway, and showing them
   * spares the walker its own per-frame reflection test.
   */
  private static final StackWalker CALLER_WALKER =
      StackWalker.getInstance(
          java.util.Set.of(
              StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_REFLECT_FRAMES));

  /** Provider code outside known packages (a generator extending KeyPairGenerator directly...). */
  private static final Class<?>[] JCA_TYPES = {
    java.security.KeyPairGenerator.class,
    java.security.KeyPairGeneratorSpi.class,
    javax.crypto.KeyGenerator.class,
    javax.crypto.KeyGeneratorSpi.class,
    java.security.SecureRandomSpi.class,
    java.security.KeyFactorySpi.class,
    java.security.Provider.class
  };

  private static final int CALLER = 0;
  private static final int SKIPPED = 1;
  private static final int SKIPPED_TLS = 2;

  /** What a class's frames are: the caller, skipped, or skipped and inside the TLS stack. */
  private static final ClassValue<Integer> ROLE =
      new ClassValue<>() {
        @Override
        protected Integer computeValue(Class<?> type) {
          String name = type.getName();
          if (name.startsWith("sun.security.ssl.")) {
            return SKIPPED_TLS;
          }
          return isInfrastructure(name) || isJcaImplementation(type) ? SKIPPED : CALLER;
        }
      };

  /** Call sites remembered in all (memory stays bounded with many generated classes). */
  private static final int MAX_SITES = 4096;

  private static final AtomicInteger SITE_COUNT = new AtomicInteger();

  /** Per caller class: call site (method, bytecode index) to its caller description. */
  private static final ClassValue<Map<Site, Caller>> SITES =
      new ClassValue<>() {
        @Override
        protected Map<Site, Caller> computeValue(Class<?> type) {
          return new ConcurrentHashMap<>();
        }
      };

  private record Site(String method, int bci) {}

  private static final Caller UNKNOWN_TLS = new Caller(null, null, null, 0, true);

  private CallerLocator() {}

  /** Walks the current thread's stack. */
  public static Caller locate() {
    return CALLER_WALKER.walk(
        frames -> {
          boolean tls = false;
          Iterator<StackWalker.StackFrame> it = frames.iterator();
          while (it.hasNext()) {
            StackWalker.StackFrame f = it.next();
            int role = ROLE.get(f.getDeclaringClass());
            if (role == CALLER) {
              Caller c = callerAt(f);
              return tls ? new Caller(c.className(), c.method(), c.file(), c.line(), true) : c;
            }
            if (role == SKIPPED_TLS) {
              tls = true;
            }
          }
          return tls ? UNKNOWN_TLS : Caller.UNKNOWN;
        });
  }

  /** True when a frame of {@code type} would be reported as the caller (not skipped). */
  static boolean isCaller(Class<?> type) {
    return ROLE.get(type) == CALLER;
  }

  private static Caller callerAt(StackWalker.StackFrame f) {
    Map<Site, Caller> sites = SITES.get(f.getDeclaringClass());
    Site site = new Site(f.getMethodName(), f.getByteCodeIndex());
    Caller known = sites.get(site);
    if (known != null) {
      return known;
    }
    Caller c =
        new Caller(f.getClassName(), f.getMethodName(), f.getFileName(), f.getLineNumber(), false);
    if (SITE_COUNT.get() < MAX_SITES && sites.putIfAbsent(site, c) == null) {
      SITE_COUNT.incrementAndGet();
    }
    return c;
  }

  /** True when the direct caller of the instrumented JDK class is the JDK itself. */
  public static boolean calledByJdk(String instrumentedClass) {
    return WALKER.walk(
        frames -> {
          boolean seen = false;
          Iterator<StackWalker.StackFrame> it = frames.iterator();
          while (it.hasNext()) {
            String c = it.next().getClassName();
            if (c.equals(instrumentedClass)) {
              seen = true;
            } else if (seen) {
              return isInfrastructure(c);
            }
          }
          return false;
        });
  }

  /**
   * True when the outermost {@code init}/{@code initialize} on the stack was called by the JDK
   * itself (SUN's DSA generator initialises itself in its constructor): such an init is not an
   * explicit choice of the application.
   */
  public static boolean initCalledByJdk() {
    return WALKER.walk(
        frames -> {
          String lastInit = null;
          Iterator<StackWalker.StackFrame> it = frames.iterator();
          while (it.hasNext()) {
            StackWalker.StackFrame f = it.next();
            String c = f.getClassName();
            if (c.startsWith("dev.keyaudit.agent.")) {
              continue;
            }
            String m = f.getMethodName();
            if (m.equals("init") || m.equals("initialize")) {
              lastInit = c;
            } else if (lastInit != null) {
              return isInfrastructure(c);
            }
          }
          return false;
        });
  }

  private static boolean isJcaImplementation(Class<?> type) {
    for (Class<?> jca : JCA_TYPES) {
      if (jca.isAssignableFrom(type)) {
        return true;
      }
    }
    return false;
  }

  /** JDK, provider and agent classes are never "the caller". */
  public static boolean isInfrastructure(String className) {
    return className.startsWith("java.")
        || className.startsWith("javax.")
        || className.startsWith("jdk.")
        || className.startsWith("sun.")
        || className.startsWith("com.sun.")
        || className.startsWith("org.bouncycastle.")
        || className.startsWith("dev.keyaudit.agent.");
  }
}
