package com.acme.ledger.keys;

import dev.keyaudit.keygen.CompliantKeys;
import dev.keyaudit.keygen.DerivedKey;
import dev.keyaudit.keygen.Passwords;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import javax.crypto.SecretKey;

/**
 * All of the ledger's keys come from here: one policy, one environment, one tenant per instance,
 * so every key has a specified strength, an SP 800-90A DRBG of its own scope, and an evidence record.
 */
public final class LedgerKeys {

  private final CompliantKeys keys;

  public LedgerKeys(String environment, String tenant) {
    this.keys =
        CompliantKeys.forPolicy("nist-800-131a")
            .withEnvironment(environment)
            .withTenant(tenant)
            .withService("ledger");
  }

  /** Encrypts ledger entries at rest. */
  public SecretKey newEntryKey() {
    return keys.aes(256);
  }

  /** Authenticates webhook payloads sent to merchants. */
  public SecretKey newWebhookKey() {
    return keys.hmac("HmacSHA384", 384);
  }

  /** Signs daily settlement files. */
  public KeyPair newSettlementSigningKey() {
    return keys.ec("secp384r1");
  }

  /** Derives the export-file key from an operator passphrase, with a fresh random salt. */
  public DerivedKey exportKey(char[] passphrase) {
    return keys.pbkdf2(passphrase, "AES", 256);
  }

  /** Stores a data key in a PKCS#12 keystore; the password comes from the environment. */
  public void store(Path keystore, String alias, SecretKey key)
      throws IOException, GeneralSecurityException {
    keys.keyStores()
        .storeSecretKey(keystore, alias, key, Passwords.fromEnvironment("LEDGER_KEYSTORE_PASSWORD"));
  }
}
