package example.app;

import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Security;
import java.security.spec.ECGenParameterSpec;
import javax.crypto.KeyGenerator;

/** Fixture: providers reordered and a third-party provider first, then keys generated. */
public final class ProviderOrder {
  public static void main(String[] args) throws Exception {
    Provider sun = Security.getProvider("SUN");
    Security.removeProvider("SUN");
    Security.addProvider(sun); // SUN last: another provider's RNG may become the default
    Security.insertProviderAt(new ToyProvider(), 1);
    KeyGenerator aes = KeyGenerator.getInstance("AES");
    aes.init(256);
    aes.generateKey(); // mark: aes
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp384r1"));
    ec.generateKeyPair(); // mark: ec
    KeyPairGenerator toy = KeyPairGenerator.getInstance("TOYRSA");
    toy.initialize(1024);
    toy.generateKeyPair(); // mark: toy
    System.out.println("done");
  }
}
