package dev.keyaudit.keygen;

import java.nio.charset.StandardCharsets;
import java.security.DrbgParameters;
import java.security.DrbgParameters.Capability;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SP 800-90A DRBG per environment, tenant, strength and capability, distinguished by its
 * personalization string. Instances are created on first use and kept for the life of the registry;
 * the SUN DRBG is thread-safe, so each is shared by all threads of its scope.
 */
public final class DrbgRegistry implements RandomSource {

  private static final DrbgRegistry SHARED = new DrbgRegistry();

  private record Key(Scope scope, int strength, Capability capability) {}

  private final Map<Key, Drbg> instances = new ConcurrentHashMap<>();

  /** A registry of its own, for callers that want instances apart from the shared ones. */
  public DrbgRegistry() {}

  /** The process-wide registry {@link CompliantKeys#forPolicy(String)} uses. */
  public static DrbgRegistry shared() {
    return SHARED;
  }

  @Override
  public Drbg drbg(Scope scope, int strength, Capability capability)
      throws NoSuchAlgorithmException {
    Key key = new Key(scope, strength, capability);
    Drbg existing = instances.get(key);
    if (existing != null) {
      return existing;
    }
    synchronized (this) {
      Drbg again = instances.get(key);
      if (again != null) {
        return again;
      }
      Drbg created = create(key);
      instances.put(key, created);
      return created;
    }
  }

  /** Number of DRBG instances created so far (for monitoring and tests). */
  public int size() {
    return instances.size();
  }

  private static Drbg create(Key key) throws NoSuchAlgorithmException {
    SecureRandom random =
        SecureRandom.getInstance(
            "DRBG",
            DrbgParameters.instantiation(key.strength(), key.capability(), personalization(key)));
    // Draw once now so the DRBG instantiates from the entropy source; a later setSeed() by
    // anyone holding the instance can then only add to its state, never make it predictable.
    random.nextBytes(new byte[1]);
    return new Drbg(random, RngDescription.observe(random, false));
  }

  /**
   * The personalization string: non-secret, unique per scope (SP 800-90A §8.7.1), with the process
   * id and creation time so instances in different processes differ too.
   */
  static byte[] personalization(Scope scope, int strength, Capability capability) {
    return ("dev.keyaudit.keygen/1;environment="
            + scope.environment()
            + ";tenant="
            + scope.tenantId().orElse("-")
            + ";strength="
            + strength
            + ";capability="
            + capability.toString().toLowerCase(Locale.ROOT)
            + ";pid="
            + ProcessHandle.current().pid()
            + ";created="
            + System.nanoTime())
        .getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] personalization(Key key) {
    return personalization(key.scope(), key.strength(), key.capability());
  }
}
