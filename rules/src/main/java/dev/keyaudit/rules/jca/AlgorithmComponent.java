package dev.keyaudit.rules.jca;

import java.util.Objects;

/**
 * One algorithm inside an algorithm string, as a policy judges it: "SHA1withRSA" has the hash SHA-1
 * (used for a signature) and the key algorithm RSA.
 *
 * @param algorithm the canonical algorithm
 * @param digestUse how a hash is used; null for anything but a hash
 * @param text the part of the string it came from, as written ("SHA1", "RC4_128")
 */
public record AlgorithmComponent(JcaAlgorithm algorithm, DigestUse digestUse, String text) {
  public AlgorithmComponent {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(text, "text");
  }

  public String name() {
    return algorithm.name();
  }
}
