package com.acme.payments.tokens;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.IvParameterSpec;

/** Issues payment tokens and the IVs that protect them. */
public final class TokenIssuer {

  private final SecretKey key;

  public TokenIssuer(SecretKey key) {
    this.key = key;
  }

  public byte[] encryptToken(byte[] token) throws GeneralSecurityException {
    Random random = new Random(); // expect: KA201
    byte[] iv = new byte[16];
    random.nextBytes(iv);
    Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
    return cipher.doFinal(token);
  }

  /** Session tokens for the card portal, from the shared id source. */
  public String newSessionToken() {
    return Long.toHexString(SessionIds.next()) + Long.toHexString(SessionIds.next());
  }

  /** Retry back-off jitter: not security relevant, but still reported at low severity. */
  public long retryDelayMillis(int attempt) {
    return (long) (Math.random() * 100) * attempt; // expect: KA201
  }

  /** Nonces for the legacy partner API. */
  public byte[] partnerNonce() throws GeneralSecurityException {
    SecureRandom sha1prng = SecureRandom.getInstance("SHA1PRNG"); // expect: KA202
    sha1prng.setSeed(System.currentTimeMillis()); // expect: KA203
    byte[] nonce = new byte[12];
    sha1prng.nextBytes(nonce);
    return nonce;
  }
}
