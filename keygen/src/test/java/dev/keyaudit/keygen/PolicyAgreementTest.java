package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.check.Evaluation;
import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyDerivation;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.SecureRandomCreation;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.security.DrbgParameters.Capability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator's built-in thresholds agree with the scanner's policies (one source of truth, held
 * by this test): for every built-in policy, every request this library can make is judged by both,
 * on dates before and after each transition. Everything generated here passes the scanner (a
 * quantum-transition note or warning matches the record's status); everything the scanner refuses
 * is refused here, under the same rule. The only requests refused here but allowed by the scanner
 * are listed in {@link #STRICTER_HERE}, each with its reason.
 */
class PolicyAgreementTest {

  private static final Location LOCATION = Location.line("Generated.java", 1);

  private static final List<LocalDate> DATES =
      List.of(
          LocalDate.of(2025, 6, 1),
          LocalDate.of(2026, 11, 29),
          LocalDate.of(2031, 6, 1),
          LocalDate.of(2034, 6, 1),
          LocalDate.of(2036, 6, 1));

  /** "policy|request label" refused here, allowed by the scanner, and why that is deliberate. */
  private static final Set<String> STRICTER_HERE =
      Set.of(
          // SHA-1 and MD5 HMAC keys are never generated: acceptable to SP 800-131A for HMAC,
          // but no new key needs them.
          "nist-800-131a|HmacSHA1",
          "fips-140-3|HmacSHA1",
          "nist-ir-8547|HmacSHA1",
          // CNSA 2.0 hashes are SHA-384/512; SHA-3 HMACs are not in its table. (The scanner's
          // cnsa-2.0 disallows SHA-224/256 in HMAC but does not name SHA3-224/256.)
          "cnsa-2.0|HmacSHA3-224",
          "cnsa-2.0|HmacSHA3-256",
          "cnsa-2.0|HmacSHA3-384",
          "cnsa-2.0|HmacSHA3-512",
          // TR-02102-1 recommends ML-KEM-768/1024 and ML-DSA-65/87 only (in hybrids).
          "bsi-tr-02102-1|ML-KEM-512",
          "bsi-tr-02102-1|ML-DSA-44");

  static List<String> policies() {
    return PolicyTable.ids();
  }

  @ParameterizedTest
  @MethodSource("policies")
  void theSameRequestsAreAllowedAndRefused(String id) {
    KeyPolicy mine = PolicyTable.builtIn(id);
    List<String> disagreements = new ArrayList<>();
    for (LocalDate date : DATES) {
      PolicyEvaluator scanner = new PolicyEvaluator(Policies.load(id).withEvaluationDate(date));
      for (KeyRequest request : candidates()) {
        String verdict = compare(mine, scanner, request, date);
        if (verdict != null) {
          disagreements.add(date + " " + request.label() + ": " + verdict);
        }
      }
    }
    assertThat(disagreements).as("disagreements with the scanner under " + id).isEmpty();
  }

  /** Null when both agree, else what differs. */
  private static String compare(
      KeyPolicy mine, PolicyEvaluator scanner, KeyRequest r, LocalDate date) {
    Verdict verdict = null;
    RuleId refusal = null;
    try {
      verdict = mine.judge(r, date);
    } catch (PolicyViolationException e) {
      refusal = e.rule();
    }
    int drbg = verdict == null ? 256 : mine.drbgStrengthFor(r);
    List<Violation> found = scanner.evaluate(fact(r, drbg, mine.drbgCapability())).violations();
    Set<String> errors =
        found.stream()
            .filter(v -> !v.ruleId().equals("KA105") || v.severity() == Severity.ERROR)
            .map(Violation::ruleId)
            .collect(Collectors.toCollection(java.util.TreeSet::new));
    Severity ka105 =
        found.stream()
            .filter(v -> v.ruleId().equals("KA105"))
            .map(Violation::severity)
            .findFirst()
            .orElse(null);
    String key = mine.id() + "|" + (r.parameterName() != null ? r.parameterName() : r.algorithm());
    if (refusal == null) {
      if (!errors.isEmpty()) {
        return "generated here, but the scanner reports " + describe(found);
      }
      Verdict.Status expected =
          ka105 == null
              ? Verdict.Status.ACCEPTABLE
              : ka105 == Severity.NOTE ? Verdict.Status.TRANSITIONAL : Verdict.Status.DEPRECATED;
      return verdict.status() == expected
          ? null
          : "status " + verdict.status() + " here, scanner " + describe(found);
    }
    if (errors.isEmpty()) {
      return STRICTER_HERE.contains(key)
          ? null
          : "refused here (" + refusal + ") but allowed by the scanner: " + describe(found);
    }
    // Both refuse; a deliberately stricter refusal may name its own reason first.
    return errors.contains(refusal.name()) || STRICTER_HERE.contains(key)
        ? null
        : "refused here as " + refusal + ", by the scanner as " + describe(found);
  }

  private static String describe(List<Violation> violations) {
    return violations.isEmpty()
        ? "nothing"
        : violations.stream()
            .map(v -> v.ruleId() + "/" + v.severity() + " " + v.threshold())
            .collect(Collectors.joining("; "));
  }

  /** The fact the scanner's source frontend extracts from this library's generation code. */
  private static Fact fact(KeyRequest r, int drbgStrength, Capability capability) {
    RngSpec rng =
        new RngSpec(
            true,
            Value.known("DRBG"),
            Value.known(drbgStrength),
            Value.known(capability.name().toUpperCase(Locale.ROOT)));
    return switch (r.family()) {
      case AES, HMAC ->
          new KeyGeneration(LOCATION, Value.known(r.algorithm()), Value.known(r.sizeBits()), rng);
      case RSA ->
          new KeyPairGeneration(LOCATION, Value.known("RSA"), Value.known(r.sizeBits()), null, rng);
      case EC ->
          new KeyPairGeneration(
              LOCATION,
              Value.known("EC"),
              Value.known(r.sizeBits()),
              Value.known(r.parameterName()),
              rng);
      // KeyPairGenerator.getInstance("Ed25519"|"ML-KEM") + initialize(NamedParameterSpec, rng)
      case EDDSA, XDH, ML_KEM, ML_DSA ->
          new KeyPairGeneration(
              LOCATION,
              Value.known(
                  r.family() == KeyFamily.EDDSA || r.family() == KeyFamily.XDH
                      ? r.parameterName()
                      : r.algorithm()),
              new Value.Default<>(null, "initialized with a NamedParameterSpec"),
              Value.known(r.parameterName()),
              rng);
    };
  }

  /** Every request the fluent API can make, weak ones included. */
  static List<KeyRequest> candidates() {
    List<KeyRequest> all = new ArrayList<>();
    for (int bits : new int[] {128, 192, 256}) {
      all.add(new KeyRequest(KeyFamily.AES, "AES", bits, null));
    }
    for (String hmac : JcaNames.HMAC_NAMES) {
      for (int bits : new int[] {104, 112, 128, 256, 384, 512}) {
        all.add(new KeyRequest(KeyFamily.HMAC, hmac, bits, null));
      }
    }
    for (int bits : new int[] {1024, 2048, 2560, 3000, 3072, 4096, 7680}) {
      all.add(new KeyRequest(KeyFamily.RSA, "RSA", bits, null));
    }
    for (String curve :
        List.of(
            "secp224r1",
            "secp256r1",
            "secp384r1",
            "secp521r1",
            "brainpoolP256r1",
            "brainpoolP320r1",
            "brainpoolP384r1",
            "brainpoolP512r1")) {
      all.add(new KeyRequest(KeyFamily.EC, "EC", JcaNames.curveBits(curve), curve));
    }
    all.add(new KeyRequest(KeyFamily.EDDSA, "EdDSA", 255, "Ed25519"));
    all.add(new KeyRequest(KeyFamily.EDDSA, "EdDSA", 448, "Ed448"));
    all.add(new KeyRequest(KeyFamily.XDH, "XDH", 255, "X25519"));
    all.add(new KeyRequest(KeyFamily.XDH, "XDH", 448, "X448"));
    for (int set : new int[] {512, 768, 1024}) {
      all.add(new KeyRequest(KeyFamily.ML_KEM, "ML-KEM", 0, "ML-KEM-" + set));
    }
    for (int set : new int[] {44, 65, 87}) {
      all.add(new KeyRequest(KeyFamily.ML_DSA, "ML-DSA", 0, "ML-DSA-" + set));
    }
    return all;
  }

  @ParameterizedTest
  @MethodSource("policies")
  void kdfFloorsAreTheScannersAndNewDerivationsMeetThem(String id) {
    KeyPolicy mine = PolicyTable.builtIn(id);
    Policy theirs = Policies.load(id);
    assertThat(mine.pbkdf2MinIterations()).isEqualTo(theirs.kdf().minIterations().value());
    assertThat(Pbkdf2Parameters.MIN_SALT_BYTES).isEqualTo(theirs.kdf().minSaltBytes().value());
    PolicyEvaluator scanner = new PolicyEvaluator(theirs);
    // What pbkdf2() does: the default iterations, a 256-bit salt, the smallest key it allows.
    int smallestKey =
        Math.min(mine.aesKeySizes().iterator().next(), Math.max(mine.hmacMinKeyBits(), 8));
    assertThat(
            scanner
                .evaluate(
                    new KeyDerivation(
                        LOCATION,
                        "PBEKeySpec",
                        new Value.Unknown<>("random salt from a DRBG"),
                        Value.known(CompliantKeys.DEFAULT_KDF_ITERATIONS),
                        Value.known(smallestKey)))
                .violations())
        .isEmpty();
    assertThat(CompliantKeys.SALT_BYTES)
        .isGreaterThanOrEqualTo(theirs.kdf().minSaltBytes().value());
    // One iteration below the shared floor: both refuse, as KA304.
    Evaluation below =
        scanner.evaluate(
            new KeyDerivation(
                LOCATION,
                "PBEKeySpec",
                new Value.Unknown<>("random"),
                Value.known(mine.pbkdf2MinIterations() - 1),
                Value.known(256)));
    assertThat(below.violations()).extracting(Violation::ruleId).containsExactly("KA304");
  }

  @ParameterizedTest
  @MethodSource("policies")
  void theDrbgsThisLibraryCreatesPassTheScanner(String id) {
    KeyPolicy mine = PolicyTable.builtIn(id);
    Policy theirs = Policies.load(id);
    assertThat(mine.drbgMinStrength())
        .isGreaterThanOrEqualTo(theirs.rng().minDrbgStrength().value());
    if (theirs.rng().requirePredictionResistance().value()) {
      assertThat(mine.drbgCapability()).isEqualTo(Capability.PR_AND_RESEED);
    }
    PolicyEvaluator scanner = new PolicyEvaluator(theirs);
    for (int strength : new int[] {mine.drbgMinStrength(), 192, 256}) {
      if (strength < mine.drbgMinStrength()) {
        continue;
      }
      Evaluation e =
          scanner.evaluate(
              new SecureRandomCreation(
                  LOCATION,
                  "getInstance",
                  Value.known("DRBG"),
                  Value.known(strength),
                  Value.known(mine.drbgCapability().name())));
      assertThat(e.violations()).as("DRBG at %d bits", strength).isEmpty();
    }
  }
}
