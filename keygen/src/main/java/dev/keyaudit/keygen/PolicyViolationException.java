package dev.keyaudit.keygen;

import java.util.Objects;

/**
 * A request the policy forbids. The message names the rule, the policy and the threshold; the
 * request is refused before any key material exists.
 */
public final class PolicyViolationException extends SecurityException {

  private static final long serialVersionUID = 1L;

  private final RuleId rule;
  private final String policyId;
  private final String threshold;

  public PolicyViolationException(RuleId rule, String policyId, String what, String threshold) {
    super(
        rule.label()
            + ": "
            + what
            + " is refused by policy "
            + policyId
            + "; required: "
            + threshold);
    this.rule = Objects.requireNonNull(rule, "rule");
    this.policyId = Objects.requireNonNull(policyId, "policyId");
    this.threshold = Objects.requireNonNull(threshold, "threshold");
  }

  public RuleId rule() {
    return rule;
  }

  public String policyId() {
    return policyId;
  }

  /** The requirement that was not met, e.g. "RSA modulus >= 3000 bits (BSI TR-02102-1)". */
  public String threshold() {
    return threshold;
  }
}
