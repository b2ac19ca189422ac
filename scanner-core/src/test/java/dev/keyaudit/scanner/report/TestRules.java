package dev.keyaudit.scanner.report;

import dev.keyaudit.rules.catalog.RuleDescriptor;
import dev.keyaudit.rules.model.Severity;
import java.util.List;

/** Catalog entries for the report tests, built by hand (the real catalog lives elsewhere). */
final class TestRules {

  static final RuleDescriptor KA102 =
      new RuleDescriptor(
          "KA102",
          "WeakKeySize",
          "Key generated shorter than the policy minimum",
          "A KeyPairGenerator or KeyGenerator is initialised with a key size below the minimum"
              + " that the active policy approves.",
          List.of(2),
          List.of(326),
          Severity.ERROR,
          "7.5",
          "high",
          "Initialise the generator with at least the policy minimum.",
          "kpg.initialize(1024);",
          "kpg.initialize(3072);");

  static final RuleDescriptor KA201 =
      new RuleDescriptor(
          "KA201",
          "NonCryptographicRandom",
          "Key material from a non-cryptographic random generator",
          "java.util.Random or Math.random produces key material or seeds.",
          List.of(3, 9),
          List.of(330, 338),
          Severity.ERROR,
          "9.1",
          "very-high",
          "Use `SecureRandom` (`DRBG`).",
          "new Random().nextBytes(key);",
          "SecureRandom.getInstance(\"DRBG\").nextBytes(key);");

  static final RuleDescriptor KA301 =
      new RuleDescriptor(
          "KA301",
          "HardcodedKey",
          "Key material hardcoded in source",
          "A SecretKeySpec is built from a literal.",
          List.of(7),
          List.of(321),
          Severity.ERROR,
          "9.5",
          "high",
          "Load keys from a key store or KMS.",
          "new SecretKeySpec(\"0123456789abcdef\".getBytes(), \"AES\");",
          "keyStore.getKey(alias, password);");

  static final List<RuleDescriptor> ALL = List.of(KA102, KA201, KA301);

  private TestRules() {}
}
