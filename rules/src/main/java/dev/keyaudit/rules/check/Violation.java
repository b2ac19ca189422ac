package dev.keyaudit.rules.check;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The policy's verdict on one fact: which rule, how severe, and why. Produced only by the policy
 * evaluator; frontends never create violations and writers never change them.
 *
 * @param message one or two sentences naming the value, where it came from, the policy and the
 *     threshold; never a secret in full
 * @param trace the path of the value that failed (for a OneOf, the failing branch's trace)
 * @param policyId the policy that produced the verdict, e.g. "nist-800-131a"
 * @param threshold the threshold that was not met, e.g. "RSA >= 2048 bits (SP 800-131A Rev 2,
 *     2019)"
 * @param properties extra facts for reports and CBOM ("algorithm" → "RSA", "keySize" → "1024")
 */
public record Violation(
    String ruleId,
    Severity severity,
    String message,
    Location location,
    List<TraceStep> trace,
    String policyId,
    String threshold,
    Map<String, String> properties) {

  public Violation {
    Objects.requireNonNull(ruleId, "ruleId");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(policyId, "policyId");
    Objects.requireNonNull(threshold, "threshold");
    trace = List.copyOf(trace);
    properties = Map.copyOf(properties);
  }
}
