package dev.keyaudit.keygen;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SP 800-90A Rev 1 Hash_DRBG with SHA-256 (§10.1.1), without prediction resistance or additional
 * input, instantiated from caller-supplied entropy. Used only for {@link TestKeys}: the JDK's DRBG
 * takes its nonce from a process-wide counter, so seeding it does not give the same output in every
 * test run. Checked against the JDK's own Hash_DRBG in the tests. Not thread-safe; the owner
 * synchronises.
 */
final class HashDrbgSha256 {

  /** seedlen for SHA-256 (SP 800-90A Table 2): 440 bits. */
  static final int SEED_BYTES = 55;

  private static final int OUT_BYTES = 32;
  // SP 800-90A Table 2: at most 2^19 bits per generate request.
  private static final int MAX_REQUEST_BYTES = 1 << 16;

  private final MessageDigest sha256;
  private byte[] v;
  private byte[] c;
  private long reseedCounter;

  HashDrbgSha256(byte[] entropy, byte[] nonce, byte[] personalization) {
    try {
      // keyaudit:ignore KA101 -- test-only deterministic generator; SHA-256 makes it the SP 800-90A
      // Hash_DRBG the JDK implements, checked by a known-answer test
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
    byte[] seedMaterial = concat(entropy, nonce, personalization);
    v = hashDf(seedMaterial, SEED_BYTES);
    c = hashDf(concat(new byte[] {0}, v), SEED_BYTES);
    reseedCounter = 1;
  }

  /** Fills {@code out}, in requests of at most 2^19 bits each. */
  void nextBytes(byte[] out) {
    for (int off = 0; off < out.length; off += MAX_REQUEST_BYTES) {
      int n = Math.min(MAX_REQUEST_BYTES, out.length - off);
      byte[] chunk = generate(n);
      System.arraycopy(chunk, 0, out, off, n);
    }
  }

  /** Hash_DRBG_Generate_Process (§10.1.1.4) without additional input. */
  private byte[] generate(int bytes) {
    byte[] out = hashgen(bytes);
    byte[] h = digest(new byte[] {3}, v);
    addTo(v, h);
    addTo(v, c);
    addTo(v, toBytes(reseedCounter));
    reseedCounter++;
    return out;
  }

  /** Hashgen (§10.1.1.4): hash successive increments of V. */
  private byte[] hashgen(int bytes) {
    byte[] data = v.clone();
    byte[] out = new byte[bytes];
    for (int off = 0; off < bytes; off += OUT_BYTES) {
      byte[] w = digest(data);
      System.arraycopy(w, 0, out, off, Math.min(OUT_BYTES, bytes - off));
      addTo(data, new byte[] {1});
    }
    return out;
  }

  /** Hash_df (§10.3.1). */
  private byte[] hashDf(byte[] input, int bytes) {
    byte[] out = new byte[bytes];
    int bits = bytes * 8;
    byte[] header = {
      0, (byte) (bits >>> 24), (byte) (bits >>> 16), (byte) (bits >>> 8), (byte) bits
    };
    for (int off = 0, counter = 1; off < bytes; off += OUT_BYTES, counter++) {
      header[0] = (byte) counter;
      byte[] h = digest(header, input);
      System.arraycopy(h, 0, out, off, Math.min(OUT_BYTES, bytes - off));
    }
    return out;
  }

  private byte[] digest(byte[]... parts) {
    for (byte[] p : parts) {
      sha256.update(p);
    }
    return sha256.digest();
  }

  /** {@code target = (target + addend) mod 2^(8 * target.length)}, both big-endian. */
  private static void addTo(byte[] target, byte[] addend) {
    int carry = 0;
    for (int i = target.length - 1, j = addend.length - 1; i >= 0; i--, j--) {
      int sum = (target[i] & 0xff) + (j >= 0 ? addend[j] & 0xff : 0) + carry;
      target[i] = (byte) sum;
      carry = sum >>> 8;
    }
  }

  private static byte[] toBytes(long value) {
    byte[] b = new byte[8];
    for (int i = 7; i >= 0; i--) {
      b[i] = (byte) value;
      value >>>= 8;
    }
    return b;
  }

  private static byte[] concat(byte[]... parts) {
    int n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    byte[] out = new byte[n];
    int off = 0;
    for (byte[] p : parts) {
      System.arraycopy(p, 0, out, off, p.length);
      off += p.length;
    }
    return out;
  }
}
