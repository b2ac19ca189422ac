package com.acme.payments.crypto;

import java.security.DrbgParameters;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/** Generates AES-256 data keys for the ledger. */
public final class DataKeyService {

  public SecretKey newLedgerKey() throws GeneralSecurityException {
    SecureRandom drbg =
        SecureRandom.getInstance(
            "DRBG", DrbgParameters.instantiation(128, DrbgParameters.Capability.RESEED_ONLY, null));
    KeyGenerator kg = KeyGenerator.getInstance("AES");
    kg.init(256, drbg); // expect: KA204
    return kg.generateKey();
  }
}
