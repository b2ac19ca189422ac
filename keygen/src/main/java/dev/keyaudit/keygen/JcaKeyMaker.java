package dev.keyaudit.keygen;

import java.lang.reflect.Method;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.ProviderException;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.interfaces.XECKey;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The JCA calls: every generator is initialised with an explicit size or parameter set and the DRBG
 * it is given, and every result is measured, so the record states what was produced rather than
 * what was asked.
 */
final class JcaKeyMaker {

  /**
   * A generated key with what was measured on it.
   *
   * @param measuredSize key size in bits read from the key, 0 for named parameter sets
   * @param fingerprint public-key fingerprint, null for secret keys
   * @param kdf the derivation parameters of a derived key, else null
   */
  record Made<T>(
      T key, String provider, int measuredSize, String fingerprint, Pbkdf2Parameters kdf) {}

  private JcaKeyMaker() {}

  static Made<SecretKey> secretKey(KeyRequest r, SecureRandom rng) throws GeneralSecurityException {
    KeyGenerator kg = KeyGenerator.getInstance(r.algorithm());
    kg.init(r.sizeBits(), rng);
    SecretKey key = kg.generateKey();
    byte[] encoded = key.getEncoded();
    int bits = encoded == null ? r.sizeBits() : encoded.length * 8;
    if (encoded != null) {
      Arrays.fill(encoded, (byte) 0);
    }
    requireSize(r, bits);
    return new Made<>(key, kg.getProvider().getName(), bits, null, null);
  }

  static Made<KeyPair> keyPair(KeyRequest r, SecureRandom rng) throws GeneralSecurityException {
    KeyPairGenerator kpg = generator(r);
    KeyPair pair;
    try {
      kpg.initialize(spec(r), rng);
      pair = kpg.generateKeyPair();
    } catch (ProviderException e) {
      // SunEC accepts some curves at initialize() and only fails here ("Curve not supported").
      throw new GeneralSecurityException(e.getMessage(), e);
    }
    int size = measure(r, pair.getPublic());
    return new Made<>(pair, kpg.getProvider().getName(), size, fingerprint(pair.getPublic()), null);
  }

  private static KeyPairGenerator generator(KeyRequest r) throws NoSuchAlgorithmException {
    try {
      return KeyPairGenerator.getInstance(
          r.family() == KeyFamily.EDDSA || r.family() == KeyFamily.XDH
              ? r.parameterName()
              : r.algorithm());
    } catch (NoSuchAlgorithmException e) {
      if (r.family() == KeyFamily.ML_KEM || r.family() == KeyFamily.ML_DSA) {
        throw new UnsupportedOperationException(
            r.algorithm()
                + " key generation needs JDK 24 or later ("
                + (r.family() == KeyFamily.ML_KEM ? "JEP 496" : "JEP 497")
                + "); this runtime is Java "
                + Runtime.version(),
            e);
      }
      throw e;
    }
  }

  private static AlgorithmParameterSpec spec(KeyRequest r) {
    return switch (r.family()) {
      case RSA -> new RSAKeyGenParameterSpec(r.sizeBits(), RSAKeyGenParameterSpec.F4);
      case EC -> new ECGenParameterSpec(r.parameterName());
      case EDDSA, XDH, ML_KEM, ML_DSA -> new NamedParameterSpec(r.parameterName());
      case AES, HMAC -> throw new IllegalArgumentException(r.family() + " is not a key pair");
    };
  }

  /** Key size from the public key itself; for named parameter sets, checks the set's name. */
  private static int measure(KeyRequest r, PublicKey pub) throws GeneralSecurityException {
    return switch (r.family()) {
      case RSA -> requireSize(r, ((RSAKey) pub).getModulus().bitLength());
      case EC -> requireSize(r, ((ECKey) pub).getParams().getCurve().getField().getFieldSize());
      case EDDSA -> requireName(r, ((EdECKey) pub).getParams().getName(), r.sizeBits());
      case XDH ->
          requireName(r, ((NamedParameterSpec) ((XECKey) pub).getParams()).getName(), r.sizeBits());
      case ML_KEM, ML_DSA -> requireName(r, parameterSetName(pub), 0);
      case AES, HMAC -> throw new IllegalArgumentException(r.family() + " is not a key pair");
    };
  }

  /**
   * The named parameter set of a key through {@code AsymmetricKey.getParams()} (JDK 22+), looked up
   * by name because this code compiles for 17.
   */
  static String parameterSetName(java.security.Key pub) throws GeneralSecurityException {
    try {
      // The key class itself is not exported; call through the public interface.
      Method m = Class.forName("java.security.AsymmetricKey").getMethod("getParams");
      Object params = m.invoke(pub);
      return params instanceof NamedParameterSpec n ? n.getName() : String.valueOf(params);
    } catch (ReflectiveOperationException e) {
      throw new GeneralSecurityException(
          "cannot read the parameter set of a " + pub.getAlgorithm() + " key", e);
    }
  }

  private static int requireSize(KeyRequest r, int measured) throws GeneralSecurityException {
    if (measured != r.sizeBits()) {
      throw new GeneralSecurityException(
          "provider produced a " + measured + "-bit key for " + r.label());
    }
    return measured;
  }

  private static int requireName(KeyRequest r, String measured, int size)
      throws GeneralSecurityException {
    if (!r.parameterName().equalsIgnoreCase(measured)) {
      throw new GeneralSecurityException(
          "provider produced a " + measured + " key for " + r.label());
    }
    return size;
  }

  /**
   * Lower-case hex SHA-256 of the public key's X.509 encoding: the conventional key fingerprint,
   * which the runtime agent's events use too, so records from both can be joined on it.
   */
  static String fingerprint(PublicKey pub) throws NoSuchAlgorithmException {
    // keyaudit:ignore KA101 -- identifies a public key (no secrecy or collision-resistance claim);
    // SHA-256 is the fingerprint convention shared with the agent's events
    MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
    return HexFormat.of().formatHex(sha256.digest(pub.getEncoded()));
  }
}
