package dev.keyaudit.rules.catalog;

/** The built-in rule ids, as constants for code that reports or filters them. Never reused. */
public final class RuleIds {
  public static final String WEAK_ALGORITHM = "KA101";
  public static final String KEY_SIZE_BELOW_MINIMUM = "KA102";
  public static final String UNAPPROVED_CURVE = "KA103";
  public static final String STRENGTH_NOT_SPECIFIED = "KA104";
  public static final String QUANTUM_VULNERABLE_KEY_GENERATION = "KA105";
  public static final String NON_CRYPTOGRAPHIC_RNG = "KA201";
  public static final String NON_DRBG_SECURE_RANDOM = "KA202";
  public static final String PREDICTABLE_SEED = "KA203";
  public static final String WEAK_DRBG_PARAMETERS = "KA204";
  public static final String RNG_NOT_SPECIFIED = "KA205";
  public static final String HARDCODED_KEY = "KA301";
  public static final String EMBEDDED_PRIVATE_KEY = "KA302";
  public static final String HARDCODED_KEY_PASSWORD = "KA303";
  public static final String WEAK_KEY_DERIVATION = "KA304";
  public static final String CONSTANT_SALT = "KA305";

  private RuleIds() {}
}
