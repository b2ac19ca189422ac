package it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPublicKey;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class KeysTest {

  @Test
  void strongKeyIsAllowed() throws Exception {
    KeyGenerator kg = KeyGenerator.getInstance("AES");
    kg.init(256);
    SecretKey key = kg.generateKey();
    assertEquals(32, key.getEncoded().length);
  }

  @Test
  void weakKeyPairIsRefused() throws Exception {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
    kpg.initialize(1024);
    KeyPair pair = kpg.generateKeyPair();
    assertEquals(1024, ((RSAPublicKey) pair.getPublic()).getModulus().bitLength());
  }
}
