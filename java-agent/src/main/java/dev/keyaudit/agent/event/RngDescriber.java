package dev.keyaudit.agent.event;

import java.security.DrbgParameters;
import java.security.SecureRandom;
import java.security.SecureRandomParameters;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;

/**
 * Describes a {@code SecureRandom} instance: algorithm, provider and, for a DRBG, mechanism,
 * strength and capability. {@code toString()} is the only public way to learn the DRBG mechanism
 * (SUN prints {@code Hash_DRBG,SHA-256,128,reseed_only}), so it is parsed defensively and kept raw.
 * Descriptions are cached per instance.
 */
public final class RngDescriber {

  private static final Set<String> MECHANISMS = Set.of("Hash_DRBG", "HMAC_DRBG", "CTR_DRBG");

  private final Map<Object, RngInfo> cache = Collections.synchronizedMap(new WeakHashMap<>());

  /** The description of {@code rng} (a {@code SecureRandom}). */
  public RngInfo describe(Object rng) {
    RngInfo known = cache.get(rng);
    if (known != null) {
      return known;
    }
    RngInfo info = describeNow((SecureRandom) rng);
    cache.put(rng, info);
    return info;
  }

  static RngInfo describeNow(SecureRandom sr) {
    String algorithm = sr.getAlgorithm();
    String provider = sr.getProvider() == null ? null : sr.getProvider().getName();
    String description = sr.toString();
    String mechanism = null;
    String drbgAlgorithm = null;
    int strength = 0;
    String capability = null;
    String[] parts = description == null ? new String[0] : description.split(",");
    if (parts.length >= 1 && MECHANISMS.contains(parts[0].trim())) {
      mechanism = parts[0].trim();
      if (parts.length >= 2) {
        drbgAlgorithm = parts[1].trim();
      }
      if (parts.length >= 3) {
        strength = parseInt(parts[2].trim());
      }
      if (parts.length >= 4) {
        capability = parts[3].trim().toLowerCase(Locale.ROOT);
      }
    }
    SecureRandomParameters params = sr.getParameters();
    if (params instanceof DrbgParameters.Instantiation inst) {
      if (strength == 0) {
        strength = inst.getStrength();
      }
      if (capability == null) {
        capability = inst.getCapability().name().toLowerCase(Locale.ROOT);
      }
    }
    // only the mechanism names SP 800-90A; a provider's "DRBG" we cannot parse stays unproven
    boolean sp80090a = mechanism != null;
    return new RngInfo(
        algorithm, provider, mechanism, drbgAlgorithm, strength, capability, sp80090a, description);
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
