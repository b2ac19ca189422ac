package com.example.demo;

import java.security.DrbgParameters;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import javax.crypto.KeyGenerator;

/**
 * A small key service: per-tenant AES-256 data keys and an EC P-384 signing key from an explicit
 * SP 800-90A DRBG, an RSA-3072 transport key on the JVM's default RNG, and one legacy RSA-1024 key
 * request that a policy forbids (blocked when the agent runs in enforce mode).
 */
public final class DemoService {

  private final SecureRandom drbg;

  DemoService() throws Exception {
    drbg =
        SecureRandom.getInstance(
            "DRBG",
            DrbgParameters.instantiation(
                256, DrbgParameters.Capability.PR_AND_RESEED, "demo".getBytes()));
  }

  void rotateDataKeys(List<String> tenants) throws Exception {
    for (String tenant : tenants) {
      KeyGenerator aes = KeyGenerator.getInstance("AES");
      aes.init(256, drbg);
      aes.generateKey();
      System.out.println("data key rotated for " + tenant);
    }
  }

  void createSigningKey() throws Exception {
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp384r1"), drbg);
    ec.generateKeyPair();
    System.out.println("signing key created");
  }

  void createTransportKey() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(3072);
    rsa.generateKeyPair();
    System.out.println("transport key created");
  }

  void createLegacyKey() {
    try {
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(1024, drbg);
      rsa.generateKeyPair();
      System.out.println("legacy key created");
    } catch (RuntimeException e) {
      // enforce mode: InvalidParameterException from initialize, before any key exists
      System.out.println("legacy key refused: " + e.getMessage());
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void main(String[] args) throws Exception {
    DemoService service = new DemoService();
    service.rotateDataKeys(List.of("acme", "globex"));
    service.createSigningKey();
    service.createTransportKey();
    service.createLegacyKey();
    System.out.println("demo service done");
  }
}
