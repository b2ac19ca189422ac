package dev.keyaudit.keygen;

import java.util.Arrays;
import java.util.Objects;

/**
 * What must be stored next to a password-derived key to derive it again: the PBKDF2 variant, the
 * random salt, the iteration count and the derived key. None of it is secret.
 *
 * @param prf SecretKeyFactory name, e.g. "PBKDF2WithHmacSHA256"
 * @param salt random salt (copied in and out)
 * @param iterations iteration count
 * @param keyAlgorithm algorithm of the derived key ("AES", "HmacSHA256"...)
 * @param keyBits derived key length in bits
 */
public record Pbkdf2Parameters(
    String prf, byte[] salt, int iterations, String keyAlgorithm, int keyBits) {

  /** SP 800-132 §5.1: the salt is at least 128 bits. */
  public static final int MIN_SALT_BYTES = 16;

  public Pbkdf2Parameters {
    Objects.requireNonNull(prf, "prf");
    Objects.requireNonNull(keyAlgorithm, "keyAlgorithm");
    salt = salt.clone();
  }

  @Override
  public byte[] salt() {
    return salt.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pbkdf2Parameters p
        && prf.equals(p.prf)
        && Arrays.equals(salt, p.salt)
        && iterations == p.iterations
        && keyAlgorithm.equals(p.keyAlgorithm)
        && keyBits == p.keyBits;
  }

  @Override
  public int hashCode() {
    return Objects.hash(prf, Arrays.hashCode(salt), iterations, keyAlgorithm, keyBits);
  }

  @Override
  public String toString() {
    return prf
        + ", "
        + iterations
        + " iterations, "
        + (salt.length * 8)
        + "-bit salt, "
        + keyAlgorithm
        + "-"
        + keyBits;
  }
}
