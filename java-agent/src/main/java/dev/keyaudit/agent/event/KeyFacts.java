package dev.keyaudit.agent.event;

import java.lang.reflect.Method;
import java.security.Key;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import javax.crypto.SecretKey;
import javax.crypto.interfaces.DHKey;

/**
 * Size and curve read from a generated key itself, not from the init arguments (providers ignore
 * arguments, defaults apply, and after a dynamic attach the init call was never seen).
 *
 * @param size bits (0 when the key does not tell, e.g. a non-extractable token key)
 * @param curve named curve or parameter set, or null
 * @param publicKey the public key (to fingerprint), or null for secret keys
 */
public record KeyFacts(String algorithm, int size, String curve, String type, PublicKey publicKey) {

  private static final Method ASYMMETRIC_GET_PARAMS = asymmetricGetParams();

  /**
   * Describes what {@code generateKey}/{@code generateKeyPair}/{@code generatePrivate} returned.
   */
  public static KeyFacts of(Object result) {
    if (result instanceof KeyPair pair) {
      Key pub = pair.getPublic();
      Sized s = sized(pub);
      return new KeyFacts(pub.getAlgorithm(), s.size, s.curve, "key-pair", pair.getPublic());
    }
    if (result instanceof SecretKey secret) {
      byte[] encoded = secret.getEncoded();
      int bits = encoded == null ? 0 : effectiveBits(secret.getAlgorithm(), encoded.length);
      if (encoded != null) {
        java.util.Arrays.fill(encoded, (byte) 0);
      }
      return new KeyFacts(secret.getAlgorithm(), bits, null, "secret", null);
    }
    if (result instanceof Key key) {
      Sized s = sized(key);
      return new KeyFacts(key.getAlgorithm(), s.size, s.curve, "private", null);
    }
    return new KeyFacts(null, 0, null, "unknown", null);
  }

  private record Sized(int size, String curve) {}

  private static Sized sized(Key key) {
    if (key instanceof RSAKey rsa) {
      return new Sized(rsa.getModulus().bitLength(), null);
    }
    if (key instanceof ECKey ec) {
      ECParameterSpec p = ec.getParams();
      return new Sized(p.getCurve().getField().getFieldSize(), curveName(p));
    }
    if (key instanceof DSAKey dsa) {
      return new Sized(dsa.getParams().getP().bitLength(), null);
    }
    if (key instanceof DHKey dh) {
      return new Sized(dh.getParams().getP().bitLength(), null);
    }
    if (key instanceof XECKey xec) {
      return named(xec.getParams());
    }
    if (key instanceof EdECKey ed) {
      return named(ed.getParams());
    }
    if (ASYMMETRIC_GET_PARAMS != null
        && ASYMMETRIC_GET_PARAMS.getDeclaringClass().isInstance(key)) {
      try {
        return named((AlgorithmParameterSpec) ASYMMETRIC_GET_PARAMS.invoke(key));
      } catch (ReflectiveOperationException e) {
        return new Sized(0, null);
      }
    }
    return new Sized(0, null);
  }

  private static Sized named(AlgorithmParameterSpec spec) {
    if (spec instanceof NamedParameterSpec n) {
      String name = n.getName();
      int size =
          switch (name.toUpperCase(java.util.Locale.ROOT)) {
            case "X25519", "ED25519" -> 255;
            case "X448", "ED448" -> 448;
            default -> 0;
          };
      return new Sized(size, name);
    }
    return new Sized(0, null);
  }

  /** The last curve named, by identity: the JDK's named curves are shared instances. */
  private static volatile Named lastCurve = new Named(null, null);

  private record Named(ECParameterSpec spec, String name) {}

  /**
   * {@code secp256r1 [NIST P-256] (1.2.840.10045.3.1.7)} → {@code secp256r1}; the same String for
   * the same curve object, so the judge's identity check matches repeated events.
   */
  static String curveName(ECParameterSpec p) {
    Named known = lastCurve;
    if (known.spec() == p) {
      return known.name();
    }
    String name = parseCurveName(p);
    lastCurve = new Named(p, name);
    return name;
  }

  private static String parseCurveName(ECParameterSpec p) {
    String s = p.toString();
    int space = s.indexOf(' ');
    String first = space > 0 ? s.substring(0, space) : s;
    return first.contains("@") || first.startsWith("java.") ? null : first;
  }

  /**
   * DES and DESede carry parity bits: 8 bytes hold 56 key bits, 24 bytes hold 168. Compared
   * ignoring case without building an upper-case copy: this runs for every secret key.
   */
  static int effectiveBits(String algorithm, int bytes) {
    if (algorithm != null
        && (algorithm.equalsIgnoreCase("DES")
            || algorithm.equalsIgnoreCase("DESede")
            || algorithm.equalsIgnoreCase("TripleDES"))) {
      return bytes * 7;
    }
    return bytes * 8;
  }

  private static Method asymmetricGetParams() {
    try {
      // java.security.AsymmetricKey (JDK 22+) names ML-KEM / ML-DSA parameter sets
      return Class.forName("java.security.AsymmetricKey").getMethod("getParams");
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }
}
