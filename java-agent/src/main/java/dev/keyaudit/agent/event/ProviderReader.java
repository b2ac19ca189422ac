package dev.keyaudit.agent.event;

import java.lang.reflect.Field;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.Provider;
import javax.crypto.KeyGenerator;

/**
 * Reads which provider an engine object is using. It reads the {@code provider} field instead of
 * calling {@code getProvider()}, because that getter disables JCA provider failover in {@code
 * KeyGenerator} and {@code KeyPairGenerator$Delegate} and so would change the application's
 * behaviour. The agent opens {@code java.security} and {@code javax.crypto} to itself at start-up.
 */
public final class ProviderReader {

  private static final Field KEY_GENERATOR = field(KeyGenerator.class);
  private static final Field KEY_PAIR_GENERATOR = field(KeyPairGenerator.class);
  private static final Field KEY_FACTORY = field(KeyFactory.class);

  private ProviderReader() {}

  /** The provider name, or null when it cannot be read. */
  public static String providerOf(Object engine) {
    try {
      Object p = null;
      if (engine instanceof KeyGenerator) {
        p = KEY_GENERATOR == null ? null : KEY_GENERATOR.get(engine);
      } else if (engine instanceof KeyPairGenerator kpg) {
        if (KEY_PAIR_GENERATOR != null) {
          p = KEY_PAIR_GENERATOR.get(engine);
        } else if (!kpg.getClass().getName().equals("java.security.KeyPairGenerator$Delegate")) {
          p = kpg.getProvider(); // harmless outside Delegate
        }
      } else if (engine instanceof KeyFactory) {
        p = KEY_FACTORY == null ? null : KEY_FACTORY.get(engine);
      }
      return p instanceof Provider provider ? provider.getName() : null;
    } catch (IllegalAccessException | RuntimeException e) {
      return null;
    }
  }

  /** The engine's algorithm through its public getter (side-effect free). */
  public static String algorithmOf(Object engine) {
    if (engine instanceof KeyGenerator kg) {
      return kg.getAlgorithm();
    }
    if (engine instanceof KeyPairGenerator kpg) {
      return kpg.getAlgorithm();
    }
    if (engine instanceof KeyFactory kf) {
      return kf.getAlgorithm();
    }
    return null;
  }

  private static Field field(Class<?> type) {
    try {
      Field f = type.getDeclaredField("provider");
      f.setAccessible(true);
      return f;
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
