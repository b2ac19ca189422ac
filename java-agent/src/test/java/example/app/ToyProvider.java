package example.app;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;

/**
 * Fixture: a third-party provider registered by the application at run time, whose key pair
 * generator extends {@code KeyPairGenerator} directly (as BouncyCastle's do) and so bypasses {@code
 * KeyPairGenerator$Delegate}.
 */
public final class ToyProvider extends Provider {

  public ToyProvider() {
    super("Toy", "1.0", "test provider with a direct KeyPairGenerator subclass");
    put("KeyPairGenerator.TOYRSA", ToyRsaGenerator.class.getName());
  }

  /** RSA through the JDK, behind a generator class of its own. */
  public static final class ToyRsaGenerator extends KeyPairGenerator {
    private int bits = 2048;
    private SecureRandom random;

    public ToyRsaGenerator() {
      super("TOYRSA");
    }

    @Override
    public void initialize(int keysize, SecureRandom random) {
      this.bits = keysize;
      this.random = random;
    }

    @Override
    public KeyPair generateKeyPair() {
      try {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA", "SunRsaSign");
        rsa.initialize(bits, random);
        return rsa.generateKeyPair();
      } catch (java.security.GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
