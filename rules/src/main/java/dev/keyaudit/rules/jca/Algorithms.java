package dev.keyaudit.rules.jca;

import dev.keyaudit.rules.jca.JcaAlgorithm.Kind;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JCA algorithm names KeyAudit understands, with their aliases and OIDs. Lookup is
 * case-insensitive, as in the JCA itself ({@code RC4} = {@code ARCFOUR}, {@code TripleDES} = {@code
 * DESede}, {@code DiffieHellman} = {@code DH}). OIDs from the JDK's {@code KnownOIDs} (see
 * shared/reference/standards-and-formats.md §A.9).
 */
public final class Algorithms {

  private static final Map<String, JcaAlgorithm> BY_NAME = new LinkedHashMap<>();
  private static final Map<String, JcaAlgorithm> BY_KEY = new LinkedHashMap<>();

  static {
    // Symmetric ciphers.
    add(sym("AES", Kind.BLOCK_CIPHER, KeyFamily.AES, 0, "Rijndael"), "2.16.840.1.101.3.4.1");
    add(sym("DES", Kind.BLOCK_CIPHER, null, 56), "1.3.14.3.2.7");
    add(sym("DESede", Kind.BLOCK_CIPHER, null, 0, "TripleDES", "3DES"), "1.2.840.113549.3.7");
    add(sym("RC2", Kind.BLOCK_CIPHER, null, 0), "1.2.840.113549.3.2");
    add(sym("ARCFOUR", Kind.STREAM_CIPHER, null, 0, "RC4"), "1.2.840.113549.3.4");
    add(sym("Blowfish", Kind.BLOCK_CIPHER, null, 0));
    add(sym("ChaCha20", Kind.STREAM_CIPHER, null, 256, "ChaCha20-Poly1305"));
    add(sym("IDEA", Kind.BLOCK_CIPHER, null, 128));
    add(sym("Skipjack", Kind.BLOCK_CIPHER, null, 80));

    // Hash functions.
    add(digest("MD2"), "1.2.840.113549.2.2");
    add(digest("MD4"));
    add(digest("MD5"), "1.2.840.113549.2.5");
    add(digest("SHA-1", "SHA1", "SHA"), "1.3.14.3.2.26");
    add(digest("SHA-224", "SHA224"), "2.16.840.1.101.3.4.2.4");
    add(digest("SHA-256", "SHA256"), "2.16.840.1.101.3.4.2.1");
    add(digest("SHA-384", "SHA384"), "2.16.840.1.101.3.4.2.2");
    add(digest("SHA-512", "SHA512"), "2.16.840.1.101.3.4.2.3");
    add(digest("SHA-512/224", "SHA512/224"), "2.16.840.1.101.3.4.2.5");
    add(digest("SHA-512/256", "SHA512/256"), "2.16.840.1.101.3.4.2.6");
    add(digest("SHA3-224"), "2.16.840.1.101.3.4.2.7");
    add(digest("SHA3-256"), "2.16.840.1.101.3.4.2.8");
    add(digest("SHA3-384"), "2.16.840.1.101.3.4.2.9");
    add(digest("SHA3-512"), "2.16.840.1.101.3.4.2.10");

    // HMAC: one entry per hash, named as the JCA names the Mac and KeyGenerator.
    add(hmac("HmacMD5", "MD5"), "1.3.6.1.5.5.8.1.1");
    add(hmac("HmacSHA1", "SHA-1"), "1.2.840.113549.2.7");
    add(hmac("HmacSHA224", "SHA-224"), "1.2.840.113549.2.8");
    add(hmac("HmacSHA256", "SHA-256"), "1.2.840.113549.2.9");
    add(hmac("HmacSHA384", "SHA-384"), "1.2.840.113549.2.10");
    add(hmac("HmacSHA512", "SHA-512"), "1.2.840.113549.2.11");
    add(hmac("HmacSHA512/224", "SHA-512/224"), "1.2.840.113549.2.12");
    add(hmac("HmacSHA512/256", "SHA-512/256"), "1.2.840.113549.2.13");
    add(hmac("HmacSHA3-224", "SHA3-224"), "2.16.840.1.101.3.4.2.13");
    add(hmac("HmacSHA3-256", "SHA3-256"), "2.16.840.1.101.3.4.2.14");
    add(hmac("HmacSHA3-384", "SHA3-384"), "2.16.840.1.101.3.4.2.15");
    add(hmac("HmacSHA3-512", "SHA3-512"), "2.16.840.1.101.3.4.2.16");

    // Classical public-key algorithms.
    add(asym("RSA", KeyFamily.RSA, null), "1.2.840.113549.1.1.1");
    add(asym("RSASSA-PSS", KeyFamily.RSA, null), "1.2.840.113549.1.1.10");
    add(asym("DSA", KeyFamily.DSA, null), "1.2.840.10040.4.1");
    add(asym("DH", KeyFamily.DH, null, "DiffieHellman"), "1.2.840.113549.1.3.1");
    add(asym("EC", KeyFamily.EC, null, "ECDSA", "ECDH", "ECMQV"), "1.2.840.10045.2.1");
    add(asym("EdDSA", null, null));
    add(asym("Ed25519", null, "Ed25519"), "1.3.101.112");
    add(asym("Ed448", null, "Ed448"), "1.3.101.113");
    add(asym("XDH", null, null));
    add(asym("X25519", null, "X25519"), "1.3.101.110");
    add(asym("X448", null, "X448"), "1.3.101.111");

    // Post-quantum algorithms (FIPS 203/204/205).
    add(pqc("ML-KEM", null));
    add(pqc("ML-KEM-512", "ML-KEM-512"), "2.16.840.1.101.3.4.4.1");
    add(pqc("ML-KEM-768", "ML-KEM-768"), "2.16.840.1.101.3.4.4.2");
    add(pqc("ML-KEM-1024", "ML-KEM-1024"), "2.16.840.1.101.3.4.4.3");
    add(pqc("ML-DSA", null));
    add(pqc("ML-DSA-44", "ML-DSA-44"), "2.16.840.1.101.3.4.3.17");
    add(pqc("ML-DSA-65", "ML-DSA-65"), "2.16.840.1.101.3.4.3.18");
    add(pqc("ML-DSA-87", "ML-DSA-87"), "2.16.840.1.101.3.4.3.19");
    add(pqc("SLH-DSA", null));
  }

  private Algorithms() {}

  /** The algorithm a name, alias or OID stands for (case-insensitive). */
  public static Optional<JcaAlgorithm> lookup(String nameAliasOrOid) {
    if (nameAliasOrOid == null) {
      return Optional.empty();
    }
    String key = key(nameAliasOrOid);
    if (key.startsWith("OID.")) {
      key = key.substring(4);
    }
    return Optional.ofNullable(BY_KEY.get(key));
  }

  /** Every algorithm, in registration order. */
  public static List<JcaAlgorithm> all() {
    return List.copyOf(BY_NAME.values());
  }

  /** Canonical names of every algorithm, in registration order. */
  public static List<String> names() {
    return Collections.unmodifiableList(new ArrayList<>(BY_NAME.keySet()));
  }

  private static String key(String name) {
    return name.trim().toUpperCase(Locale.ROOT);
  }

  private static void add(JcaAlgorithm algorithm, String... oids) {
    JcaAlgorithm withOids =
        new JcaAlgorithm(
            algorithm.name(),
            algorithm.kind(),
            algorithm.sizeFamily(),
            algorithm.aliases(),
            List.of(oids),
            algorithm.digest(),
            algorithm.fixedParameterSet(),
            algorithm.fixedKeyBits());
    BY_NAME.put(withOids.name(), withOids);
    register(withOids.name(), withOids);
    withOids.aliases().forEach(alias -> register(alias, withOids));
    withOids.oids().forEach(oid -> register(oid, withOids));
  }

  private static void register(String name, JcaAlgorithm algorithm) {
    JcaAlgorithm previous = BY_KEY.putIfAbsent(key(name), algorithm);
    if (previous != null) {
      throw new IllegalStateException("duplicate algorithm name " + name);
    }
  }

  private static JcaAlgorithm sym(
      String name, Kind kind, KeyFamily family, int fixedBits, String... aliases) {
    return new JcaAlgorithm(name, kind, family, List.of(aliases), List.of(), null, null, fixedBits);
  }

  private static JcaAlgorithm digest(String name, String... aliases) {
    return new JcaAlgorithm(name, Kind.DIGEST, null, List.of(aliases), List.of(), null, null, 0);
  }

  private static JcaAlgorithm hmac(String name, String digest) {
    return new JcaAlgorithm(name, Kind.MAC, KeyFamily.HMAC, List.of(), List.of(), digest, null, 0);
  }

  private static JcaAlgorithm asym(
      String name, KeyFamily family, String fixedSet, String... aliases) {
    return new JcaAlgorithm(
        name, Kind.CLASSICAL_ASYMMETRIC, family, List.of(aliases), List.of(), null, fixedSet, 0);
  }

  private static JcaAlgorithm pqc(String name, String fixedSet) {
    return new JcaAlgorithm(name, Kind.POST_QUANTUM, null, List.of(), List.of(), null, fixedSet, 0);
  }
}
