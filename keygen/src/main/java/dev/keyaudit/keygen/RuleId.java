package dev.keyaudit.keygen;

/**
 * The scanner rules a refusal corresponds to. A refused request names the rule the scanner would
 * report for the same code, so a finding and its fix speak the same language.
 */
public enum RuleId {
  KA101("WeakAlgorithm"),
  KA102("KeySizeBelowMinimum"),
  KA103("UnapprovedCurve"),
  KA105("QuantumVulnerableKeyGeneration"),
  KA202("non-DRBG SecureRandom"),
  KA203("predictable seed"),
  KA204("weak DRBG parameters"),
  KA303("hardcoded key password"),
  KA304("weak KDF iterations"),
  KA305("constant salt");

  private final String title;

  RuleId(String title) {
    this.title = title;
  }

  /** "KA102 KeySizeBelowMinimum", as messages print it. */
  public String label() {
    return name() + " " + title;
  }
}
