package dev.keyaudit.agent.output;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * SHA-256 of a public key's X.509 {@code SubjectPublicKeyInfo} encoding, the usual key fingerprint.
 * Runs on the writer thread only (one instance, not thread-safe).
 *
 * <p>For the JDK's own EC keys the encoding is rebuilt from a per-curve prefix and the point
 * instead of {@code getEncoded()}: every generated key is a new object, so {@code getEncoded()} ran
 * the DER encoder for each event, a quarter of the writer's time per EC key pair. The prefix is
 * learnt from the first key of each curve and used only after that key's own encoding was found to
 * be exactly prefix + uncompressed point; anything else takes {@code getEncoded()}.
 */
final class PublicKeyFingerprint {

  /** The JDK's EC public key class, whose encoding is always a named curve, uncompressed. */
  private static final String JDK_EC_KEY = "sun.security.ec.ECPublicKeyImpl";

  /** Curves remembered (JDK named curves are shared instances: a handful at most). */
  private static final int MAX_CURVES = 16;

  /** The encoding before the point, per curve; an empty array marks "no fast path". */
  private final Map<ECParameterSpec, byte[]> prefixes = new IdentityHashMap<>();

  private final MessageDigest sha256 = newSha256();

  /** The hex fingerprint, or null when the key has no encoding. */
  String of(PublicKey key) {
    byte[] point = jdkEcPoint(key);
    if (point != null) {
      byte[] prefix = prefixes.get(((ECPublicKey) key).getParams());
      if (prefix != null && prefix.length > 0) {
        sha256.update(prefix);
        return HexFormat.of().formatHex(sha256.digest(point));
      }
    }
    byte[] spki = key.getEncoded();
    if (spki == null) {
      return null;
    }
    if (point != null) {
      learn(((ECPublicKey) key).getParams(), spki, point);
    }
    return HexFormat.of().formatHex(sha256.digest(spki));
  }

  /** Whether keys on {@code curve} now skip {@code getEncoded()} (tests). */
  boolean rebuildsEncodingFor(ECParameterSpec curve) {
    byte[] prefix = prefixes.get(curve);
    return prefix != null && prefix.length > 0;
  }

  private void learn(ECParameterSpec curve, byte[] spki, byte[] point) {
    if (prefixes.containsKey(curve) || prefixes.size() >= MAX_CURVES) {
      return;
    }
    int cut = spki.length - point.length;
    boolean endsWithPoint =
        cut > 0 && Arrays.equals(spki, cut, spki.length, point, 0, point.length);
    prefixes.put(curve, endsWithPoint ? Arrays.copyOf(spki, cut) : new byte[0]);
  }

  /** {@code 04 || X || Y} of a JDK EC key (SEC 1 uncompressed form), or null for other keys. */
  private static byte[] jdkEcPoint(PublicKey key) {
    if (!(key instanceof ECPublicKey ec) || !JDK_EC_KEY.equals(key.getClass().getName())) {
      return null;
    }
    int size = (ec.getParams().getCurve().getField().getFieldSize() + 7) / 8;
    ECPoint w = ec.getW();
    byte[] point = new byte[1 + 2 * size];
    point[0] = 0x04;
    return fixedWidth(w.getAffineX(), point, 1, size)
            && fixedWidth(w.getAffineY(), point, 1 + size, size)
        ? point
        : null;
  }

  /**
   * Writes {@code v} big-endian into {@code size} bytes at {@code at}; false if it does not fit.
   */
  private static boolean fixedWidth(BigInteger v, byte[] out, int at, int size) {
    byte[] b = v.toByteArray();
    int skip = b.length > size ? b.length - size : 0;
    for (int i = 0; i < skip; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    int n = b.length - skip;
    System.arraycopy(b, skip, out, at + size - n, n);
    return true;
  }

  private static MessageDigest newSha256() {
    try {
      // keyaudit:ignore KA101 -- public-key fingerprint, the convention keygen shares
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      throw new IllegalStateException("SHA-256 is mandatory in every JDK", ex);
    }
  }
}
