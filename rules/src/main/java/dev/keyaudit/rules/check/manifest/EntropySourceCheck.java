package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.RngConfiguration;
import dev.keyaudit.rules.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * KA405: {@code java.security.egd} or {@code securerandom.source} pointing away from the operating
 * system's random devices. A regular file or {@code /dev/zero} makes seeds predictable (error);
 * {@code file:/dev/./urandom} is the old workaround that switched JDK 8 to SHA1PRNG — harmless on
 * modern JDKs, noted so that reviewers can drop it.
 */
public final class EntropySourceCheck implements ManifestCheck {

  public static final String RULE_ID = "KA405";

  @Override
  public String ruleId() {
    return RULE_ID;
  }

  @Override
  public List<Violation> check(Fact fact, String policyId) {
    if (!(fact instanceof RngConfiguration rng)
        || !(rng.property().equals("java.security.egd")
            || rng.property().equals("securerandom.source"))) {
      return List.of();
    }
    String v = rng.value().strip();
    String device =
        v.startsWith("file://") ? v.substring(7) : v.startsWith("file:") ? v.substring(5) : null;
    if ("/dev/random".equals(device) || "/dev/urandom".equals(device)) {
      return List.of();
    }
    Severity severity;
    String message;
    if ("/dev/./urandom".equals(device) || "/dev/../dev/urandom".equals(device)) {
      severity = Severity.NOTE;
      message =
          rng.property()
              + "="
              + v
              + " is a legacy workaround (on JDK 8 it selected SHA1PRNG); modern JDKs use a DRBG"
              + " either way. Remove it so the configuration states no special entropy source.";
    } else {
      severity = Severity.ERROR;
      message =
          rng.property()
              + "="
              + v
              + " seeds SecureRandom from a source that is not the operating system's random device,"
              + " so generated keys may be predictable. Use file:/dev/urandom or leave it unset.";
    }
    return List.of(
        new Violation(
            RULE_ID,
            severity,
            message,
            rng.location(),
            rng.trace(),
            policyId,
            "SecureRandom seeded from the OS entropy source (SP 800-90A/B; CEK-10 guideline 3)",
            Map.of("property", rng.property(), "value", v)));
  }
}
