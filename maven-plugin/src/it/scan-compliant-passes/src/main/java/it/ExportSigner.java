package it;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/** Signs the nightly export. */
public class ExportSigner {
  public KeyPair newKey() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
    kpg.initialize(3072, SecureRandom.getInstance("DRBG"));
    return kpg.generateKeyPair();
  }
}
