package com.acme.payments.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;

/** Decrypts archived terminal logs; never encrypts. The waiver below says why DES stays. */
public final class LegacyTerminalBridge {

  public Cipher archiveDecryptor() throws GeneralSecurityException {
    // keyaudit:ignore KA101 -- decrypt-only access to 2009 archives, retired with ticket PAY-1142
    return Cipher.getInstance("DES/ECB/PKCS5Padding"); // ok: KA101
  }
}
