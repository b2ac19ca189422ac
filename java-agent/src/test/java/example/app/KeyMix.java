package example.app;

import java.security.DrbgParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import javax.crypto.KeyGenerator;
import javax.crypto.spec.SecretKeySpec;

/** Fixture: one of each key event the agent records; tests find lines by their {@code mark}. */
public final class KeyMix {
  public static void main(String[] args) throws Exception {
    KeyGenerator aes = KeyGenerator.getInstance("AES");
    aes.init(256);
    aes.generateKey(); // mark: aes256
    SecureRandom drbg =
        SecureRandom.getInstance(
            "DRBG",
            DrbgParameters.instantiation(256, DrbgParameters.Capability.PR_AND_RESEED, null));
    drbg.reseed();
    KeyGenerator aes2 = KeyGenerator.getInstance("AES");
    aes2.init(128, drbg);
    aes2.generateKey(); // mark: aes128-drbg
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    KeyPair pair = rsa.generateKeyPair(); // mark: rsa2048
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    ec.generateKeyPair(); // mark: ec-p256
    KeyPairGenerator.getInstance("EC").generateKeyPair(); // mark: ec-default
    KeyGenerator.getInstance("DES").generateKey(); // mark: des
    new SecretKeySpec(new byte[16], "AES"); // mark: secret-key-spec
    PKCS8EncodedKeySpec pkcs8 = new PKCS8EncodedKeySpec(pair.getPrivate().getEncoded());
    KeyFactory rsaFactory = KeyFactory.getInstance("RSA");
    rsaFactory.generatePrivate(pkcs8); // mark: key-factory
    System.out.println("done");
  }
}
