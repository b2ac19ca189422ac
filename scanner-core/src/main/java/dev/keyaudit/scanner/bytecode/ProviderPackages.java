package dev.keyaudit.scanner.bytecode;

import java.util.List;

/**
 * Packages of the JDK and of well-known JCA providers (BouncyCastle, Conscrypt, Amazon Corretto
 * Crypto Provider). Their classes implement algorithms — a provider that supports DES or 1024-bit
 * RSA is not a violation by itself — so the bytecode frontend takes no facts from them; the
 * application code that asks them for a weak key is what gets reported.
 */
final class ProviderPackages {

  private static final List<String> PREFIXES =
      List.of(
          "java/",
          "javax/",
          "jdk/",
          "sun/",
          "com/sun/crypto/",
          "com/sun/security/",
          "org/bouncycastle/",
          "org/conscrypt/",
          "com/amazon/corretto/crypto/provider/");

  private ProviderPackages() {}

  /** Whether the class (internal name) belongs to the JDK or a well-known provider. */
  static boolean isProvider(String internalName) {
    for (String prefix : PREFIXES) {
      if (internalName.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
