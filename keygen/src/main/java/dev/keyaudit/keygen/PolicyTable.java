package dev.keyaudit.keygen;

import java.security.DrbgParameters.Capability;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The built-in policies: the scanner's profiles (rules/src/main/resources/.../policies/*.yaml) as a
 * generator needs them. This module depends on the JDK only, so the values are written here and
 * PolicyAgreementTest holds them to the scanner's: everything generated here passes the scanner,
 * and everything the scanner refuses is refused here. Where the generator chooses (DRBG strength
 * and prediction resistance, which HMACs to offer) it may be stricter than the scanner requires.
 */
public final class PolicyTable {

  /** The policy used when none is named, as in the scanner. */
  public static final String DEFAULT_POLICY = "nist-800-131a";

  // The scanner's KA304 floors: what stored parameters must meet. New derivations use
  // CompliantKeys.DEFAULT_KDF_ITERATIONS, which meets every floor.
  private static final int SP800_132_ITERATIONS = 1_000;
  private static final int OWASP_2023_ITERATIONS = 600_000;

  private static final String[] NIST_HMACS = {
    "HmacSHA256",
    "HmacSHA384",
    "HmacSHA512",
    "HmacSHA224",
    "HmacSHA512/224",
    "HmacSHA512/256",
    "HmacSHA3-224",
    "HmacSHA3-256",
    "HmacSHA3-384",
    "HmacSHA3-512"
  };
  private static final String[] NIST_CURVES = {"secp224r1", "secp256r1", "secp384r1", "secp521r1"};
  private static final String[] SHA2_PBKDF2 = {
    "PBKDF2WithHmacSHA256", "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512"
  };
  private static final String[] ALL_ML_KEM = {"ML-KEM-512", "ML-KEM-768", "ML-KEM-1024"};
  private static final String[] ALL_ML_DSA = {"ML-DSA-44", "ML-DSA-65", "ML-DSA-87"};

  private static final Map<String, KeyPolicy> BUILT_IN = builtIns();

  private PolicyTable() {}

  /**
   * A built-in policy by id.
   *
   * @throws IllegalArgumentException naming the known ids when {@code id} is not one
   */
  public static KeyPolicy builtIn(String id) {
    KeyPolicy p = BUILT_IN.get(id);
    if (p == null) {
      throw new IllegalArgumentException(
          "unknown policy '" + id + "'; built-in policies: " + String.join(", ", ids()));
    }
    return p;
  }

  /** Built-in policy ids, default first. */
  public static List<String> ids() {
    return List.copyOf(BUILT_IN.keySet());
  }

  private static Map<String, KeyPolicy> builtIns() {
    Map<String, KeyPolicy> m = new LinkedHashMap<>();
    m.put(DEFAULT_POLICY, nist131a(DEFAULT_POLICY, "NIST SP 800-131A Rev 2").build());
    m.put(
        "fips-140-3",
        KeyPolicy.builder(
                "fips-140-3", "FIPS 140-3: SP 800-90A Rev 1, FIPS 186-5, SP 800-56A Rev 3")
            .aes(128, 192, 256)
            .hmac(112, NIST_HMACS)
            .rsa(2048)
            .ec(NIST_CURVES)
            .edDsa("Ed25519", "Ed448")
            .mlKem(ALL_ML_KEM)
            .mlDsa(ALL_ML_DSA)
            .pbkdf2(SP800_132_ITERATIONS, SHA2_PBKDF2)
            .drbg(128, Capability.RESEED_ONLY)
            .build());
    m.put(
        "cnsa-2.0",
        KeyPolicy.builder("cnsa-2.0", "NSA CNSA 2.0")
            .aes(256)
            .hmac(256, "HmacSHA384", "HmacSHA512")
            .rsa(3072)
            .ec("secp384r1")
            .disallow(KeyFamily.EDDSA, KeyFamily.XDH)
            .mlKem("ML-KEM-1024")
            .mlDsa("ML-DSA-87")
            .pbkdf2(SP800_132_ITERATIONS, "PBKDF2WithHmacSHA384", "PBKDF2WithHmacSHA512")
            .drbg(256, Capability.PR_AND_RESEED)
            // RSA >= 3072 and P-384 are CNSA 1.0 algorithms, kept for the transition of web and
            // cloud services: "support and prefer CNSA 2.0" by 2025, "exclusively" by 2033.
            .sunset(
                new KeyPolicy.Sunset(
                    Set.of(KeyFamily.RSA, KeyFamily.EC),
                    LocalDate.of(2025, 12, 31),
                    null,
                    LocalDate.of(2033, 12, 31),
                    "NSA CNSA 2.0 timeline for web and cloud services"))
            .build());
    m.put(
        "bsi-tr-02102-1",
        KeyPolicy.builder("bsi-tr-02102-1", "BSI TR-02102-1")
            .aes(128, 192, 256)
            .hmac(
                128,
                "HmacSHA256",
                "HmacSHA384",
                "HmacSHA512",
                "HmacSHA512/256",
                "HmacSHA3-256",
                "HmacSHA3-384",
                "HmacSHA3-512")
            .rsa(3000)
            .ec(
                "secp256r1",
                "secp384r1",
                "secp521r1",
                "brainpoolP256r1",
                "brainpoolP320r1",
                "brainpoolP384r1",
                "brainpoolP512r1")
            .mlKem("ML-KEM-768", "ML-KEM-1024")
            .mlDsa("ML-DSA-65", "ML-DSA-87")
            .pbkdf2(OWASP_2023_ITERATIONS, SHA2_PBKDF2)
            // DRG.4 (AIS 20/31) asks for prediction resistance.
            .drbg(128, Capability.PR_AND_RESEED)
            .build());
    m.put(
        "nist-ir-8547",
        nist131a("nist-ir-8547", "NIST IR 8547 ipd with SP 800-131A Rev 2")
            .sunset(
                new KeyPolicy.Sunset(
                    Set.of(KeyFamily.RSA, KeyFamily.EC, KeyFamily.EDDSA, KeyFamily.XDH),
                    LocalDate.of(2030, 12, 31),
                    112,
                    LocalDate.of(2035, 12, 31),
                    "NIST IR 8547 ipd"))
            .build());
    return Collections.unmodifiableMap(m);
  }

  private static KeyPolicy.Builder nist131a(String id, String source) {
    return KeyPolicy.builder(id, source)
        .aes(128, 192, 256)
        .hmac(112, NIST_HMACS)
        .rsa(2048)
        .ec(NIST_CURVES)
        .edDsa("Ed25519", "Ed448")
        .mlKem(ALL_ML_KEM)
        .mlDsa(ALL_ML_DSA)
        .pbkdf2(SP800_132_ITERATIONS, SHA2_PBKDF2)
        .drbg(128, Capability.RESEED_ONLY);
  }
}
