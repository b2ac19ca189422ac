package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Check;
import dev.keyaudit.rules.check.CheckContext;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.RngConfiguration;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Set;

/**
 * KA405: {@code java.security.egd} or {@code securerandom.source} pointing away from the operating
 * system's random devices. A regular file or {@code /dev/zero} makes seeds predictable (error);
 * {@code file:/dev/./urandom} is the old workaround that switched JDK 8 to SHA1PRNG, harmless on
 * modern JDKs and noted so reviewers can drop it. Reported when the policy requires a cryptographic
 * RNG (the KA201 setting).
 */
public final class EntropySourceCheck implements Check {

  public static final String RULE_ID = "KA405";

  @Override
  public Set<String> ruleIds() {
    return Set.of(RULE_ID);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof RngConfiguration rng)
        || !(rng.property().equals("java.security.egd")
            || rng.property().equals("securerandom.source"))) {
      return;
    }
    Threshold<Boolean> required = context.policy().rng().requireCryptographicRng();
    if (!required.value()) {
      return;
    }
    String v = rng.value().strip();
    String device =
        v.startsWith("file://") ? v.substring(7) : v.startsWith("file:") ? v.substring(5) : null;
    if ("/dev/random".equals(device) || "/dev/urandom".equals(device)) {
      return;
    }
    boolean legacyUrandom = device != null && device.replace("/./", "/").equals("/dev/urandom");
    String message =
        legacyUrandom
            ? rng.property()
                + "="
                + v
                + " is a legacy workaround (on JDK 8 it selected SHA1PRNG); modern JDKs use a DRBG"
                + " either way. Remove it so the configuration names no special entropy source."
            : rng.property()
                + "="
                + v
                + " seeds SecureRandom from a source that is not the operating system's random"
                + " device, so generated keys may be predictable. Use file:/dev/urandom or leave it"
                + " unset.";
    context
        .violation(RULE_ID, fact)
        .trace(rng.trace())
        .severity(legacyUrandom ? Severity.NOTE : Severity.ERROR)
        .message(message)
        .threshold(required.cite("SecureRandom seeded from the operating system's entropy source"))
        .property("property", rng.property())
        .property("value", v)
        .report();
  }
}
