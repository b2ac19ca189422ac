package example.app;

import dev.keyaudit.agent.bootstrap.KeyAuditContext;
import java.security.SecureRandom;
import javax.crypto.KeyGenerator;

/** Fixture: one DRBG instance serves tenants "acme" and "globex" (the agent must report it). */
public final class Tenants {
  public static void main(String[] args) throws Exception {
    SecureRandom shared = SecureRandom.getInstance("DRBG");
    for (String tenant : new String[] {"acme", "globex"}) {
      try (KeyAuditContext.Scope ignored = KeyAuditContext.withTenant(tenant)) {
        KeyGenerator kg = KeyGenerator.getInstance("AES");
        kg.init(256, shared);
        kg.generateKey();
      }
    }
    System.out.println("done");
  }
}
