package com.acme.ledger.tokens;

import java.security.DrbgParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The same rules followed with the JCA directly, for code that cannot take a library: AES-256 from
 * an explicitly instantiated 256-bit DRBG with prediction resistance, and tokens from that DRBG.
 */
public final class SessionTokens {

  private final SecureRandom drbg;

  public SessionTokens() throws GeneralSecurityException {
    this.drbg =
        SecureRandom.getInstance(
            "DRBG",
            DrbgParameters.instantiation(
                256, DrbgParameters.Capability.PR_AND_RESEED, "ledger-session-tokens".getBytes()));
  }

  /** A random 256-bit session token, URL-safe. */
  public String newToken() {
    byte[] token = new byte[32];
    drbg.nextBytes(token);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(token);
  }

  /** Wraps session state; strength and random source both stated. */
  public SecretKey newSessionStateKey() throws GeneralSecurityException {
    KeyGenerator kg = KeyGenerator.getInstance("AES");
    kg.init(256, drbg);
    return kg.generateKey();
  }
}
