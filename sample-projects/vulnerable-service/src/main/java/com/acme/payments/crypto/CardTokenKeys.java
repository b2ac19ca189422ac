package com.acme.payments.crypto;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/** Keys for card tokenisation: written years ago, never revisited. */
public final class CardTokenKeys {

  private static final int SIGNING_KEY_BITS = 1024;

  /** Signs token batches for the card vault. */
  public KeyPair newBatchSigningKey() throws GeneralSecurityException {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA"); // expect: KA105, KA205
    kpg.initialize(SIGNING_KEY_BITS); // expect: KA102
    return kpg.generateKeyPair();
  }

  /** Wallet interop uses the Bitcoin curve. */
  public KeyPair newWalletKey() throws GeneralSecurityException {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC"); // expect: KA105, KA205
    kpg.initialize(new ECGenParameterSpec("secp256k1")); // expect: KA103
    return kpg.generateKeyPair();
  }

  /** Per-merchant data key; nobody chose a size, so the JDK does. */
  public SecretKey newMerchantDataKey() throws GeneralSecurityException {
    KeyGenerator kg = KeyGenerator.getInstance("AES"); // expect: KA104, KA205
    return kg.generateKey();
  }

  /** Still needed by the 2009 terminal protocol. */
  public SecretKey newTerminalKey() throws GeneralSecurityException {
    KeyGenerator kg = KeyGenerator.getInstance("DESede"); // expect: KA101, KA205
    kg.init(168);
    return kg.generateKey();
  }

  public Cipher terminalCipher() throws GeneralSecurityException {
    return Cipher.getInstance("DES/CBC/PKCS5Padding"); // expect: KA101
  }

  public Mac legacyWebhookMac() throws GeneralSecurityException {
    return Mac.getInstance("HmacMD5"); // expect: KA101
  }
}
