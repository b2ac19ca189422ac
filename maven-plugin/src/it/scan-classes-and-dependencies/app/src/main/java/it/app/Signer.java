package it.app;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/** Scanned as source and, from target/classes, as bytecode: one finding, on this line. */
public class Signer {
  public KeyPair newKey() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
    kpg.initialize(1024, SecureRandom.getInstance("DRBG")); // expect: KA102
    return kpg.generateKeyPair();
  }

  /** An inner class compiles to Signer$Session.class; its source is still Signer.java. */
  static class Session {
    KeyPair pair() throws Exception {
      KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
      kpg.initialize(512, SecureRandom.getInstance("DRBG")); // expect: KA102
      return kpg.generateKeyPair();
    }
  }
}
