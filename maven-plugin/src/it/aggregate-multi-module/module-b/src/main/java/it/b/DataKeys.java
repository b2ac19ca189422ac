package it.b;

import java.security.SecureRandom;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

public class DataKeys {
  public SecretKey newKey() throws Exception {
    KeyGenerator kg = KeyGenerator.getInstance("AES");
    kg.init(128, SecureRandom.getInstance("DRBG"));
    return kg.generateKey();
  }
}
