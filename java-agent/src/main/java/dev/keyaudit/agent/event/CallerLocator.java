package dev.keyaudit.agent.event;

import java.util.Iterator;

/**
 * Finds the application frame that caused a key event with a lazy {@link StackWalker} walk that
 * stops at the first frame outside the JDK, known providers and the agent.
 */
public final class CallerLocator {

  private static final StackWalker WALKER =
      StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

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

  private CallerLocator() {}

  /** Walks the current thread's stack. */
  public static Caller locate() {
    return WALKER.walk(
        frames -> {
          boolean tls = false;
          Iterator<StackWalker.StackFrame> it = frames.iterator();
          while (it.hasNext()) {
            StackWalker.StackFrame f = it.next();
            String c = f.getClassName();
            if (c.startsWith("sun.security.ssl.")) {
              tls = true;
            }
            if (!isInfrastructure(c) && !isJcaImplementation(f.getDeclaringClass())) {
              return new Caller(c, f.getMethodName(), f.getFileName(), f.getLineNumber(), tls);
            }
          }
          return new Caller(null, null, null, 0, tls);
        });
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
