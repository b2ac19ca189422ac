package it.lib;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;

/** A library's weak key pair, seen by the app's scan only as bytecode in lib-1.0.jar. */
public class LegacyKeys {
  public static KeyPair legacy() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
    kpg.initialize(1024, SecureRandom.getInstance("DRBG"));
    return kpg.generateKeyPair();
  }
}
