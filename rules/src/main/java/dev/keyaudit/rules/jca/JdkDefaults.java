package dev.keyaudit.rules.jca;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a generator produces when {@code init}/{@code initialize} is never called: the provider
 * default, which depends on the JDK release and on which provider wins. Measured on OpenJDK 17.0.15
 * and Temurin 25.0.3; JDK 19+ values from JDK-8267319 ("Use larger default key sizes and algorithms
 * based on CNSA"); BouncyCastle values with bcprov-jdk18on 1.87 inserted first (see
 * shared/reference/standards-and-formats.md §A.9).
 */
public final class JdkDefaults {

  /** First release with the CNSA-based larger defaults (JDK-8267319). */
  public static final int LARGER_DEFAULTS_SINCE = 19;

  /**
   * Strength of the SUN "DRBG" when no {@code DrbgParameters} are given: the {@code
   * securerandom.drbg.config} default instantiates "Hash_DRBG, SHA-256, 128, reseed_only" (observed
   * on 17.0.15 and 25.0.3, §A.9).
   */
  public static final int DRBG_DEFAULT_STRENGTH = 128;

  /** Capability of the default DRBG instantiation: no prediction resistance. */
  public static final String DRBG_DEFAULT_CAPABILITY = "RESEED_ONLY";

  private record Sizes(int before19, int since19, int bouncyCastle) {}

  private static final Map<String, Sizes> KEY_SIZES =
      Map.ofEntries(
          Map.entry("AES", new Sizes(128, 256, 192)),
          Map.entry("RSA", new Sizes(2048, 3072, 2048)),
          Map.entry("RSASSA-PSS", new Sizes(2048, 3072, 2048)),
          Map.entry("DH", new Sizes(2048, 3072, 2048)),
          Map.entry("DSA", new Sizes(2048, 2048, 2048)),
          Map.entry("EC", new Sizes(256, 384, 239)),
          Map.entry("DES", new Sizes(56, 56, 64)),
          Map.entry("DESEDE", new Sizes(168, 168, 192)),
          Map.entry("ARCFOUR", new Sizes(128, 128, 128)),
          Map.entry("BLOWFISH", new Sizes(128, 128, 128)),
          Map.entry("RC2", new Sizes(128, 128, 128)),
          Map.entry("CHACHA20", new Sizes(256, 256, 256)),
          Map.entry("HMACMD5", new Sizes(512, 512, 512)),
          Map.entry("HMACSHA1", new Sizes(512, 512, 512)),
          Map.entry("HMACSHA224", new Sizes(224, 224, 224)),
          Map.entry("HMACSHA256", new Sizes(256, 256, 256)),
          Map.entry("HMACSHA384", new Sizes(384, 384, 384)),
          Map.entry("HMACSHA512", new Sizes(512, 512, 512)),
          Map.entry("ED25519", new Sizes(255, 255, 255)),
          Map.entry("EDDSA", new Sizes(255, 255, 255)),
          Map.entry("ED448", new Sizes(448, 448, 448)),
          Map.entry("X25519", new Sizes(255, 255, 255)),
          Map.entry("XDH", new Sizes(255, 255, 255)),
          Map.entry("X448", new Sizes(448, 448, 448)));

  private static final Map<String, String> ALIASES =
      Map.of(
          "DIFFIEHELLMAN", "DH",
          "TRIPLEDES", "DESEDE",
          "RC4", "ARCFOUR",
          "RIJNDAEL", "AES",
          "ECDSA", "EC",
          "ECDH", "EC");

  private JdkDefaults() {}

  /** Default key size in bits, or empty when the algorithm is not known here. */
  public static OptionalInt keySize(String algorithm, int jdkRelease, boolean bouncyCastleFirst) {
    Sizes sizes = KEY_SIZES.get(key(algorithm));
    if (sizes == null) {
      return OptionalInt.empty();
    }
    if (bouncyCastleFirst) {
      return OptionalInt.of(sizes.bouncyCastle());
    }
    return OptionalInt.of(jdkRelease >= LARGER_DEFAULTS_SINCE ? sizes.since19() : sizes.before19());
  }

  /** Default named curve / parameter set, for algorithms that have one. */
  public static Optional<String> curve(
      String algorithm, int jdkRelease, boolean bouncyCastleFirst) {
    String k = key(algorithm);
    return switch (k) {
      case "EC" ->
          Optional.of(
              bouncyCastleFirst
                  ? "prime239v1"
                  : jdkRelease >= LARGER_DEFAULTS_SINCE ? "secp384r1" : "secp256r1");
      case "EDDSA", "ED25519" -> Optional.of("Ed25519");
      case "ED448" -> Optional.of("Ed448");
      case "XDH", "X25519" -> Optional.of("X25519");
      case "X448" -> Optional.of("X448");
      case "ML-KEM" -> jdkRelease >= 24 ? Optional.of("ML-KEM-768") : Optional.empty();
      case "ML-DSA" -> jdkRelease >= 24 ? Optional.of("ML-DSA-65") : Optional.empty();
      default -> Optional.empty();
    };
  }

  /** One line saying where a default comes from, for messages. */
  public static String describe(int jdkRelease, boolean bouncyCastleFirst) {
    return bouncyCastleFirst
        ? "BouncyCastle default (inserted as first provider)"
        : "JDK " + jdkRelease + " provider default";
  }

  private static String key(String algorithm) {
    String upper = algorithm.trim().toUpperCase(Locale.ROOT);
    return ALIASES.getOrDefault(upper, upper);
  }
}
