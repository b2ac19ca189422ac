package example.app;

import java.lang.reflect.Method;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.function.Supplier;
import javax.crypto.KeyGenerator;

/**
 * Keys made at direct call sites (marked when the class loads) and through reflection (located by
 * walking the stack); a call on a null generator in between must leave no marker behind.
 */
public final class CallSitesMix {
  public static void main(String[] args) throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp256r1"));
    ec.generateKeyPair(); // mark: direct-pair
    KeyGenerator aes = KeyGenerator.getInstance("AES");
    aes.init(256);
    aes.generateKey(); // mark: direct-secret
    Supplier<KeyPair> lambda = () -> ec.generateKeyPair(); // mark: lambda
    lambda.get();
    KeyPairGenerator missing = args.length > 99 ? ec : null;
    try {
      missing.generateKeyPair(); // mark: null-receiver
    } catch (NullPointerException expected) {
      // the marker for this call was set; the next generation must not take it
    }
    Method generate = KeyPairGenerator.class.getMethod("generateKeyPair");
    generate.invoke(ec); // mark: reflective
    System.out.println("done");
  }
}
