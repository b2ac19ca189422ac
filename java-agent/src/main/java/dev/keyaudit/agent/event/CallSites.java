package dev.keyaudit.agent.event;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The call sites of direct {@code generateKey()}/{@code generateKeyPair()} calls found in
 * application classes while they were loaded: what a stack walk would report for a key made there,
 * known in advance. The weaver registers a site before its class can run; advice hands back the
 * site's number with the calling class, and {@link #caller} answers without walking the stack.
 */
public final class CallSites {

  /** Sites remembered in all; classes loaded after that are left to the stack walk. */
  static final int MAX_SITES = 1 << 16;

  private static final AtomicReferenceArray<Caller> SITES = new AtomicReferenceArray<>(MAX_SITES);

  /** Site 0 means "none": advice passes it when no marker applies. */
  private static final AtomicInteger NEXT = new AtomicInteger(1);

  private CallSites() {}

  /**
   * Registers a call site.
   *
   * @param className binary name ({@code com.acme.Keys})
   * @param line source line, or -1 without a line number table (as {@code StackFrame} reports it)
   * @return the site's number, or 0 when the registry is full
   */
  public static int register(String className, String method, String file, int line) {
    int id = NEXT.getAndIncrement();
    if (id >= MAX_SITES) {
      return 0;
    }
    SITES.set(id, new Caller(className, method, file, line, false));
    return id;
  }

  /**
   * The caller for a marked generation, or null when the stack must be walked after all: no marker,
   * or the calling class is itself a provider or JCA implementation, which the walk skips.
   */
  public static Caller caller(Class<?> owner, int site) {
    if (owner == null || site <= 0 || site >= MAX_SITES || !CallerLocator.isCaller(owner)) {
      return null;
    }
    return SITES.get(site);
  }
}
