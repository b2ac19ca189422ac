package dev.keyaudit.agent.config;

import dev.keyaudit.agent.bootstrap.KeyAuditContext;
import java.lang.reflect.Method;

/**
 * Where a per-event attribute (tenant, environment, service) comes from: a fixed value, {@code
 * sysprop:NAME}, {@code env:NAME}, {@code mdc:KEY} (SLF4J's MDC, found by reflection through the
 * thread's context class loader) or {@code context} ({@link KeyAuditContext}). For the tenant, a
 * value set through {@link KeyAuditContext} always wins.
 */
public final class AttributeSource {

  /** Where the value comes from; an enum so that resolving, once per event, compares no strings. */
  private enum Kind {
    NONE,
    FIXED,
    SYSPROP,
    MDC,
    CONTEXT
  }

  private final Kind kind;
  private final String name;
  private final String fixed;
  private volatile Method mdcGet;
  private volatile boolean mdcMissing;

  private AttributeSource(Kind kind, String name, String fixed) {
    this.kind = kind;
    this.name = name;
    this.fixed = fixed;
  }

  /** Parses an option value; null means "not configured". */
  public static AttributeSource parse(String spec) {
    if (spec == null || spec.isBlank()) {
      return new AttributeSource(Kind.NONE, null, null);
    }
    int colon = spec.indexOf(':');
    String prefix = colon > 0 ? spec.substring(0, colon) : "";
    String rest = colon > 0 ? spec.substring(colon + 1) : spec;
    return switch (prefix) {
      case "sysprop" -> new AttributeSource(Kind.SYSPROP, rest, null);
      case "env" -> new AttributeSource(Kind.FIXED, null, System.getenv(rest));
      case "mdc" -> new AttributeSource(Kind.MDC, rest, null);
      default ->
          "context".equals(spec)
              ? new AttributeSource(Kind.CONTEXT, null, null)
              : new AttributeSource(Kind.FIXED, null, spec);
    };
  }

  /** The value for the current thread, or null. */
  public String resolve() {
    return switch (kind) {
      case FIXED -> fixed;
      case SYSPROP -> System.getProperty(name);
      case CONTEXT -> KeyAuditContext.tenant();
      case MDC -> mdc();
      case NONE -> null;
    };
  }

  /** The tenant: the {@link KeyAuditContext} value first, then this source. */
  public String resolveTenant() {
    String fromContext = KeyAuditContext.tenant();
    return fromContext != null ? fromContext : resolve();
  }

  private String mdc() {
    if (mdcMissing) {
      return null;
    }
    try {
      Method m = mdcGet;
      if (m == null) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        m = Class.forName("org.slf4j.MDC", false, cl).getMethod("get", String.class);
        mdcGet = m;
      }
      Object v = m.invoke(null, name);
      return v == null ? null : v.toString();
    } catch (ReflectiveOperationException | LinkageError e) {
      mdcMissing = true;
      return null;
    }
  }

  /** The configured form, for the start-up record. */
  public String describe() {
    return switch (kind) {
      case FIXED -> fixed == null ? "(unset)" : fixed;
      case NONE -> "(unset)";
      case CONTEXT -> "context";
      case SYSPROP -> "sysprop:" + name;
      case MDC -> "mdc:" + name;
    };
  }
}
