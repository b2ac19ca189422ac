package dev.keyaudit.agent.bootstrap;

/**
 * The agent's tiny public API: tells the agent which tenant the current thread works for, when the
 * agent is started with {@code tenant=context}. It lives on the bootstrap class path, so the same
 * class is seen by every class loader; without the agent it is an ordinary thread-local.
 *
 * <pre>{@code
 * try (var ignored = KeyAuditContext.withTenant("acme")) { keyGenerator.generateKey(); }
 * }</pre>
 */
public final class KeyAuditContext {

  private static final ThreadLocal<String> TENANT = new ThreadLocal<>();

  private KeyAuditContext() {}

  /** Sets the current thread's tenant until the returned scope is closed. */
  public static Scope withTenant(String tenant) {
    String previous = TENANT.get();
    TENANT.set(tenant);
    return () -> TENANT.set(previous);
  }

  /** Sets the current thread's tenant (null clears it). */
  public static void setTenant(String tenant) {
    if (tenant == null) {
      TENANT.remove();
    } else {
      TENANT.set(tenant);
    }
  }

  /** The current thread's tenant, or null. */
  public static String tenant() {
    return TENANT.get();
  }

  /** Restores the previous tenant when closed. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }
}
