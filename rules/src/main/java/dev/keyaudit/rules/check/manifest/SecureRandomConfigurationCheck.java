package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.RngConfiguration;
import dev.keyaudit.rules.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * KA406: {@code securerandom.strongAlgorithms} naming a generator that is not an SP 800-90A DRBG or
 * the OS source ({@code SHA1PRNG}), or {@code securerandom.drbg.config} asking for less security
 * strength than the policy needs for the keys it generates.
 */
public final class SecureRandomConfigurationCheck implements ManifestCheck {

  public static final String RULE_ID = "KA406";

  /** Strength a DRBG needs to generate AES-128 keys at full strength (SP 800-133 Rev 2, §4). */
  public static final int DEFAULT_MIN_DRBG_STRENGTH = 128;

  private final int minDrbgStrength;

  public SecureRandomConfigurationCheck() {
    this(DEFAULT_MIN_DRBG_STRENGTH);
  }

  public SecureRandomConfigurationCheck(int minDrbgStrength) {
    this.minDrbgStrength = minDrbgStrength;
  }

  @Override
  public String ruleId() {
    return RULE_ID;
  }

  @Override
  public List<Violation> check(Fact fact, String policyId) {
    if (!(fact instanceof RngConfiguration rng)) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    if (rng.property().equals("securerandom.strongAlgorithms")) {
      for (String entry : rng.value().split(",")) {
        String alg = entry.strip().split(":")[0];
        if (alg.equalsIgnoreCase("SHA1PRNG")) {
          problems.add("SHA1PRNG is not an SP 800-90A DRBG");
        }
      }
    } else if (rng.property().equals("securerandom.drbg.config")) {
      for (String part : rng.value().split(",")) {
        String p = part.strip().toLowerCase(Locale.ROOT);
        if (p.matches("\\d+") && Integer.parseInt(p) < minDrbgStrength) {
          problems.add("DRBG strength " + p + " is below " + minDrbgStrength + " bits");
        }
        if (p.equals("sha-1") || p.equals("sha1")) {
          problems.add("SHA-1 based DRBG");
        }
      }
    }
    if (problems.isEmpty()) {
      return List.of();
    }
    return List.of(
        new Violation(
            RULE_ID,
            Severity.WARNING,
            rng.property() + "=" + rng.value() + ": " + String.join("; ", problems) + ".",
            rng.location(),
            rng.trace(),
            policyId,
            "SP 800-90A DRBG with strength >= " + minDrbgStrength + " bits (CEK-10 guideline 3)",
            Map.of("property", rng.property(), "value", rng.value())));
  }
}
