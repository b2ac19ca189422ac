package dev.keyaudit.agent.event;

/**
 * The first stack frame outside the JDK, its providers and the agent: who asked for the key.
 *
 * @param tls true when the TLS stack ({@code sun.security.ssl}) sits between caller and key
 */
public record Caller(String className, String method, String file, int line, boolean tls) {

  static final Caller UNKNOWN = new Caller(null, null, null, 0, false);

  public boolean known() {
    return className != null;
  }

  /** Package of the caller class, or "" for the default package. */
  public String packageName() {
    if (className == null) {
      return "";
    }
    int dot = className.lastIndexOf('.');
    return dot < 0 ? "" : className.substring(0, dot);
  }
}
