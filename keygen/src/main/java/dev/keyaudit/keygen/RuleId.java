package dev.keyaudit.keygen;

/**
 * The scanner rules a refusal corresponds to, with the catalog's names. A refused request names the
 * rule the scanner would report for the same code, so a finding and its fix speak the same
 * language.
 */
public enum RuleId {
  KA101("WeakAlgorithm"),
  KA102("KeySizeBelowMinimum"),
  KA103("UnapprovedCurve"),
  KA105("QuantumVulnerableKeyGeneration"),
  KA202("NonDrbgSecureRandom"),
  KA203("PredictableSeed"),
  KA204("WeakDrbgParameters"),
  KA303("HardcodedKeyPassword"),
  KA304("WeakKeyDerivation");

  private final String title;

  RuleId(String title) {
    this.title = title;
  }

  /** "KA102 KeySizeBelowMinimum", as messages print it. */
  public String label() {
    return name() + " " + title;
  }
}
