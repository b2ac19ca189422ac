package dev.keyaudit.rules.jca;

import dev.keyaudit.rules.jca.Curve.Kind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The named curves KeyAudit knows: SEC 2, NIST (FIPS 186-4 / SP 800-186), X9.62, Brainpool (RFC
 * 5639), and the Edwards/Montgomery curves of RFC 7748/8032. Lookup ignores case, spaces, hyphens
 * and underscores, so {@code secp256r1}, {@code P-256}, {@code prime256v1}, {@code NIST P-256} and
 * the OID all find the same curve. Strengths follow SP 800-57 Pt 1 Rev 5 Table 2 (f = order bits).
 */
public final class Curves {

  private static final Map<String, Curve> BY_NAME = new LinkedHashMap<>();
  private static final Map<String, Curve> BY_KEY = new LinkedHashMap<>();

  /** What {@code KeyPairGenerator("EC").initialize(bits)} picks, in SunEC and BouncyCastle. */
  private static final Map<Integer, String> EC_SIZE_TO_CURVE =
      Map.of(
          192, "secp192r1",
          224, "secp224r1",
          239, "prime239v1",
          256, "secp256r1",
          384, "secp384r1",
          521, "secp521r1");

  static {
    prime("secp112r1", 112, 56, "1.3.132.0.6");
    prime("secp112r2", 112, 56, "1.3.132.0.7");
    prime("secp128r1", 128, 64, "1.3.132.0.28");
    prime("secp128r2", 128, 64, "1.3.132.0.29");
    prime("secp160k1", 160, 80, "1.3.132.0.9");
    prime("secp160r1", 160, 80, "1.3.132.0.8");
    prime("secp160r2", 160, 80, "1.3.132.0.30");
    prime("secp192k1", 192, 96, "1.3.132.0.31");
    prime("secp192r1", 192, 96, "P-192", "NIST P-192", "prime192v1", "1.2.840.10045.3.1.1");
    prime("prime192v2", 192, 96, "1.2.840.10045.3.1.2");
    prime("prime192v3", 192, 96, "1.2.840.10045.3.1.3");
    prime("secp224k1", 224, 112, "1.3.132.0.32");
    prime("secp224r1", 224, 112, "P-224", "NIST P-224", "1.3.132.0.33");
    prime("prime239v1", 239, 112, "1.2.840.10045.3.1.4");
    prime("prime239v2", 239, 112, "1.2.840.10045.3.1.5");
    prime("prime239v3", 239, 112, "1.2.840.10045.3.1.6");
    prime("secp256k1", 256, 128, "1.3.132.0.10");
    prime("secp256r1", 256, 128, "P-256", "NIST P-256", "prime256v1", "1.2.840.10045.3.1.7");
    prime("secp384r1", 384, 192, "P-384", "NIST P-384", "1.3.132.0.34");
    prime("secp521r1", 521, 256, "P-521", "NIST P-521", "1.3.132.0.35");

    binary("sect163k1", 163, 80, "K-163", "NIST K-163", "1.3.132.0.1");
    binary("sect163r2", 163, 80, "B-163", "NIST B-163", "1.3.132.0.15");
    binary("sect233k1", 232, 112, "K-233", "NIST K-233", "1.3.132.0.26");
    binary("sect233r1", 233, 112, "B-233", "NIST B-233", "1.3.132.0.27");
    binary("sect283k1", 281, 128, "K-283", "NIST K-283", "1.3.132.0.16");
    binary("sect283r1", 282, 128, "B-283", "NIST B-283", "1.3.132.0.17");
    binary("sect409k1", 407, 192, "K-409", "NIST K-409", "1.3.132.0.36");
    binary("sect409r1", 409, 192, "B-409", "NIST B-409", "1.3.132.0.37");
    binary("sect571k1", 570, 256, "K-571", "NIST K-571", "1.3.132.0.38");
    binary("sect571r1", 570, 256, "B-571", "NIST B-571", "1.3.132.0.39");

    prime("brainpoolP160r1", 160, 80, "1.3.36.3.3.2.8.1.1.1");
    prime("brainpoolP192r1", 192, 96, "1.3.36.3.3.2.8.1.1.3");
    prime("brainpoolP224r1", 224, 112, "1.3.36.3.3.2.8.1.1.5");
    prime("brainpoolP256r1", 256, 128, "1.3.36.3.3.2.8.1.1.7");
    prime("brainpoolP320r1", 320, 160, "1.3.36.3.3.2.8.1.1.9");
    prime("brainpoolP384r1", 384, 192, "1.3.36.3.3.2.8.1.1.11");
    prime("brainpoolP512r1", 512, 256, "1.3.36.3.3.2.8.1.1.13");
    prime("brainpoolP256t1", 256, 128, "1.3.36.3.3.2.8.1.1.8");
    prime("brainpoolP384t1", 384, 192, "1.3.36.3.3.2.8.1.1.12");
    prime("brainpoolP512t1", 512, 256, "1.3.36.3.3.2.8.1.1.14");

    add(new Curve("Ed25519", List.of("Edwards25519", "1.3.101.112"), Kind.EDWARDS, 253, 128));
    add(new Curve("Ed448", List.of("Edwards448", "1.3.101.113"), Kind.EDWARDS, 446, 224));
    add(new Curve("X25519", List.of("Curve25519", "1.3.101.110"), Kind.MONTGOMERY, 253, 128));
    add(new Curve("X448", List.of("Curve448", "1.3.101.111"), Kind.MONTGOMERY, 446, 224));
  }

  private Curves() {}

  /** The curve a name, alias or OID stands for. */
  public static Optional<Curve> lookup(String nameAliasOrOid) {
    if (nameAliasOrOid == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(BY_KEY.get(key(nameAliasOrOid)));
  }

  /** Every curve, in catalog order. */
  public static List<Curve> all() {
    return List.copyOf(BY_NAME.values());
  }

  /**
   * The curve {@code KeyPairGenerator("EC").initialize(bits)} generates, where SunEC and
   * BouncyCastle agree (192, 224, 256, 384, 521) or only BouncyCastle has one (239 → prime239v1,
   * its default).
   */
  public static Optional<Curve> forEcKeySize(int bits) {
    return Optional.ofNullable(EC_SIZE_TO_CURVE.get(bits)).flatMap(Curves::lookup);
  }

  private static String key(String name) {
    String k = name.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s_\\-]", "");
    return k.startsWith("OID.") ? k.substring(4) : k;
  }

  private static void prime(String name, int orderBits, int strength, String... aliases) {
    add(new Curve(name, List.of(aliases), Kind.PRIME_WEIERSTRASS, orderBits, strength));
  }

  private static void binary(String name, int orderBits, int strength, String... aliases) {
    add(new Curve(name, List.of(aliases), Kind.BINARY, orderBits, strength));
  }

  private static void add(Curve curve) {
    BY_NAME.put(curve.name(), curve);
    register(curve.name(), curve);
    curve.aliases().forEach(alias -> register(alias, curve));
  }

  private static void register(String name, Curve curve) {
    if (BY_KEY.putIfAbsent(key(name), curve) != null) {
      throw new IllegalStateException("duplicate curve name " + name);
    }
  }
}
