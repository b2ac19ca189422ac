package dev.keyaudit.rules.jca;

/**
 * The key families a policy sets a minimum size for. RSA, DSA and DH are measured by modulus
 * length, EC by the bit length of the group order (the SP 800-57 "f"), AES and HMAC by key length.
 */
public enum KeyFamily {
  RSA("modulus"),
  DSA("prime p"),
  DH("prime p"),
  EC("group order"),
  AES("key"),
  HMAC("key");

  private final String measure;

  KeyFamily(String measure) {
    this.measure = measure;
  }

  /** What the size measures, for messages: "modulus", "group order"... */
  public String measure() {
    return measure;
  }
}
