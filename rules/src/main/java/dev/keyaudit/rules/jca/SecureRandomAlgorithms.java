package dev.keyaudit.rules.jca;

import java.util.Locale;
import java.util.Map;

/**
 * What a {@code SecureRandom} algorithm name stands for: an SP 800-90A DRBG or not (see
 * shared/reference/standards-and-formats.md §A.9, "SecureRandom").
 */
public final class SecureRandomAlgorithms {

  /** Mechanism behind a SecureRandom algorithm name. */
  public enum Mechanism {
    /** An SP 800-90A DRBG: SUN "DRBG", BouncyCastle "DEFAULT", named Hash/HMAC/CTR_DRBG. */
    SP800_90A_DRBG,
    /** Not an SP 800-90A mechanism: SHA1PRNG, NativePRNG*, Windows-PRNG. */
    NON_DRBG,
    /**
     * {@code new SecureRandom()} or the "default" placeholder: NativePRNG on Linux/macOS, DRBG on
     * Windows or with a non-standard {@code securerandom.source}; cannot be told statically.
     */
    PLATFORM_DEFAULT,
    /** A name KeyAudit does not know (PKCS11 tokens, third-party providers). */
    UNKNOWN
  }

  private static final Map<String, Mechanism> MECHANISMS =
      Map.ofEntries(
          Map.entry("DRBG", Mechanism.SP800_90A_DRBG),
          Map.entry("HASH_DRBG", Mechanism.SP800_90A_DRBG),
          Map.entry("HMAC_DRBG", Mechanism.SP800_90A_DRBG),
          Map.entry("CTR_DRBG", Mechanism.SP800_90A_DRBG),
          Map.entry("DEFAULT", Mechanism.SP800_90A_DRBG),
          Map.entry("SHA1PRNG", Mechanism.NON_DRBG),
          Map.entry("NATIVEPRNG", Mechanism.NON_DRBG),
          Map.entry("NATIVEPRNGBLOCKING", Mechanism.NON_DRBG),
          Map.entry("NATIVEPRNGNONBLOCKING", Mechanism.NON_DRBG),
          Map.entry("WINDOWS-PRNG", Mechanism.NON_DRBG),
          Map.entry("", Mechanism.PLATFORM_DEFAULT));

  /** Canonical spelling of the names above, for messages and policy lists. */
  private static final Map<String, String> CANONICAL =
      Map.ofEntries(
          Map.entry("DRBG", "DRBG"),
          Map.entry("HASH_DRBG", "Hash_DRBG"),
          Map.entry("HMAC_DRBG", "HMAC_DRBG"),
          Map.entry("CTR_DRBG", "CTR_DRBG"),
          Map.entry("DEFAULT", "DEFAULT"),
          Map.entry("SHA1PRNG", "SHA1PRNG"),
          Map.entry("NATIVEPRNG", "NativePRNG"),
          Map.entry("NATIVEPRNGBLOCKING", "NativePRNGBlocking"),
          Map.entry("NATIVEPRNGNONBLOCKING", "NativePRNGNonBlocking"),
          Map.entry("WINDOWS-PRNG", "Windows-PRNG"));

  private SecureRandomAlgorithms() {}

  /**
   * The mechanism of {@code name}. Lower-case "default" (what frontends write for {@code new
   * SecureRandom()}) and blank mean the platform default; upper-case "DEFAULT" is BouncyCastle's
   * DRBG requested by name.
   */
  public static Mechanism mechanism(String name) {
    return MECHANISMS.getOrDefault(key(name), Mechanism.UNKNOWN);
  }

  /** True when {@code name} is a SecureRandom algorithm KeyAudit knows by name. */
  public static boolean isKnown(String name) {
    return CANONICAL.containsKey(key(name));
  }

  /** The JDK spelling of a known name ("nativeprng" → "NativePRNG"); the input otherwise. */
  public static String canonical(String name) {
    return CANONICAL.getOrDefault(key(name), name == null ? "" : name.trim());
  }

  private static String key(String name) {
    if (name == null) {
      return "";
    }
    String k = name.trim().toUpperCase(Locale.ROOT);
    // "default" as a placeholder for new SecureRandom() (see RngSpec); BouncyCastle's own
    // algorithm is spelled "DEFAULT" too, but frontends only emit it for an explicit getInstance.
    return name.trim().equals("default") ? "" : k;
  }
}
