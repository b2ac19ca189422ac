package it.app;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/** Test code, compiled to target/test-classes: still one finding, on the source. */
public class SignerFixture {
  public static KeyPair weak() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
    kpg.initialize(1024, SecureRandom.getInstance("DRBG")); // expect: KA102
    return kpg.generateKeyPair();
  }
}
