package example.app;

import java.security.KeyPairGenerator;

/** Fixture for enforce mode: a forbidden RSA-1024 request, then an allowed RSA-2048 one. */
public final class WeakRsa {
  public static void main(String[] args) throws Exception {
    KeyPairGenerator weak = KeyPairGenerator.getInstance("RSA");
    try {
      weak.initialize(1024);
      weak.generateKeyPair();
      System.out.println("generated RSA-1024");
    } catch (RuntimeException e) {
      System.out.println("blocked: " + e.getClass().getName() + ": " + e.getMessage());
    }
    KeyPairGenerator strong = KeyPairGenerator.getInstance("RSA");
    strong.initialize(3072);
    strong.generateKeyPair();
    System.out.println("generated RSA-3072");
  }
}
