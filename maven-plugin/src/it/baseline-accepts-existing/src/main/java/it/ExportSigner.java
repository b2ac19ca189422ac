package it;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/** Signs the nightly export. */
public class ExportSigner {
  public KeyPair newKey() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
    kpg.initialize(1024, SecureRandom.getInstance("DRBG")); // expect: KA102
    return kpg.generateKeyPair();
  }
}
