package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.UNAPPROVED_CURVE;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.policy.AlgorithmStatus;
import dev.keyaudit.rules.policy.ApprovedCurves;
import java.util.Set;

/**
 * KA103: a key pair on a named curve the policy does not approve — by name ({@code
 * ECGenParameterSpec("secp256k1")}), by a size the provider maps to a curve (BouncyCastle's EC
 * default 239 is prime239v1), or by the algorithm name (Ed25519). A curve of an algorithm the
 * policy already refuses is reported once, by KA101.
 */
final class CurveCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(UNAPPROVED_CURVE);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof KeyPairGeneration p)) {
      return;
    }
    GeneratedKeys.of(p).ifPresent(keys -> keys.keys().forEach(key -> judge(p, key, context)));
  }

  private void judge(KeyPairGeneration fact, GeneratedKeys.Key key, CheckContext context) {
    if (!key.algorithm().usesCurve() || (key.curve() == null && key.parameterSet() == null)) {
      return;
    }
    boolean refusedAlgorithm =
        context
            .policy()
            .algorithm(key.algorithm().name())
            .map(rule -> rule.statusOn(context.date()) != AlgorithmStatus.ACCEPTABLE)
            .orElse(false);
    ApprovedCurves approved = context.policy().curves();
    if (refusedAlgorithm || (key.curve() != null && approved.approves(key.curve()))) {
      return;
    }
    Candidate<?> deciding = key.decidingCandidate();
    String curve =
        key.curve() != null
            ? key.curve().displayName()
            : "\"" + key.parameterSet() + "\" (a curve KeyAudit does not know)";
    String how =
        key.fromProviderDefault()
            ? " as the provider default (" + deciding.why() + ")"
            : deciding.provenance();
    context
        .violation(UNAPPROVED_CURVE, fact)
        .at(deciding, fact)
        .message(
            "KeyPairGenerator "
                + key.algorithm().name()
                + " generates a key on "
                + curve
                + how
                + ", which policy "
                + context.policy().id()
                + " does not approve.")
        .threshold("curve in {" + approved.names() + "} (" + approved.source() + ")")
        .property("algorithm", key.algorithm().name())
        .property("curve", key.curve() == null ? key.parameterSet() : key.curve().name())
        .report();
  }
}
