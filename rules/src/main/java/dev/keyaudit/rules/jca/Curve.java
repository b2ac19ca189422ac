package dev.keyaudit.rules.jca;

import java.util.List;
import java.util.Objects;

/**
 * A named elliptic curve.
 *
 * @param name canonical name (SEC 2 name where there is one: "secp256r1")
 * @param aliases other names: NIST ("P-256", "NIST P-256"), X9.62 ("prime256v1"), OIDs
 * @param kind curve shape, which decides the algorithms it serves
 * @param orderBits bit length of the group order n (the "f" of SP 800-57 Table 2)
 * @param strength security strength in bits (SP 800-57 Pt 1 Rev 5 Table 2; RFC 7748/8032)
 */
public record Curve(String name, List<String> aliases, Kind kind, int orderBits, int strength)
    implements java.io.Serializable {

  /** Curve shape. */
  public enum Kind {
    PRIME_WEIERSTRASS,
    BINARY,
    EDWARDS,
    MONTGOMERY
  }

  public Curve {
    Objects.requireNonNull(name, "name");
    aliases = List.copyOf(aliases);
  }

  /** e.g. "secp256r1 (P-256)". */
  public String displayName() {
    return aliases.stream()
        .filter(a -> a.startsWith("P-") || a.startsWith("K-") || a.startsWith("B-"))
        .findFirst()
        .map(nist -> name + " (" + nist + ")")
        .orElse(name);
  }
}
