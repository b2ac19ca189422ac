package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.WEAK_ALGORITHM;

import dev.keyaudit.rules.facts.AlgorithmUse;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.SecretKeyConstruction;
import dev.keyaudit.rules.jca.AlgorithmComponent;
import dev.keyaudit.rules.jca.AlgorithmStrings;
import dev.keyaudit.rules.jca.Algorithms;
import dev.keyaudit.rules.jca.JcaAlgorithm;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.AlgorithmStatus;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * KA101: an algorithm the policy deprecates or disallows, used to generate, build or use a key.
 * Algorithm strings are split into their parts first ("PBEWithMD5AndDES" is MD5 and DES), and a
 * hash is judged for the use it is put to (SHA-1 in a signature, in HMAC, or plain).
 */
final class WeakAlgorithmCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(WEAK_ALGORITHM);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (fact instanceof KeyGeneration g) {
      judge(fact, "KeyGenerator", g.algorithm(), context);
    } else if (fact instanceof KeyPairGeneration p) {
      judge(fact, "KeyPairGenerator", p.algorithm(), context);
      judgeParameterSets(p, context);
    } else if (fact instanceof SecretKeyConstruction s && s.algorithm() != null) {
      judge(fact, s.api(), s.algorithm(), context);
    } else if (fact instanceof AlgorithmUse u) {
      judge(fact, u.api(), u.algorithm(), context);
    }
  }

  private void judge(Fact fact, String api, Value<String> algorithm, CheckContext context) {
    if (algorithm instanceof Value.Unknown<String> u) {
      context.unresolved(WEAK_ALGORITHM, fact, api + " algorithm", u.why());
      return;
    }
    for (Candidate<String> candidate : Candidate.of(algorithm)) {
      Set<String> seen = new LinkedHashSet<>();
      for (AlgorithmComponent part : AlgorithmStrings.components(api, candidate.value())) {
        if (seen.add(part.name() + "/" + part.digestUse())) {
          judgePart(fact, api, candidate, part, context);
        }
      }
    }
  }

  /** Post-quantum parameter sets arrive in the curve slot ("ML-KEM-512"); CNSA 2.0 refuses some. */
  private void judgeParameterSets(KeyPairGeneration p, CheckContext context) {
    boolean postQuantum =
        Candidate.of(p.algorithm()).stream()
            .map(a -> Algorithms.lookup(a.value()))
            .anyMatch(a -> a.isPresent() && a.get().kind() == JcaAlgorithm.Kind.POST_QUANTUM);
    if (postQuantum && p.curve() != null) {
      judge(p, "KeyPairGenerator", p.curve(), context);
    }
  }

  private void judgePart(
      Fact fact,
      String api,
      Candidate<String> candidate,
      AlgorithmComponent part,
      CheckContext context) {
    AlgorithmStatus status;
    String threshold;
    if (part.digestUse() != null) {
      var rule = context.policy().digest(part.name());
      if (rule.isEmpty()) {
        return;
      }
      status = rule.get().statusFor(part.digestUse());
      threshold = rule.get().describe(part.digestUse());
    } else {
      var rule = context.policy().algorithm(part.name());
      if (rule.isEmpty()) {
        return;
      }
      status = rule.get().statusOn(context.date());
      threshold = rule.get().describe(context.date());
    }
    if (status == AlgorithmStatus.ACCEPTABLE) {
      return;
    }
    String subject =
        part.text().equalsIgnoreCase(candidate.value())
            ? "\"" + candidate.value() + "\""
            : part.name() + " in \"" + candidate.value() + "\"";
    context
        .violation(WEAK_ALGORITHM, fact)
        .at(candidate, fact)
        .severity(status == AlgorithmStatus.DISALLOWED ? Severity.ERROR : Severity.WARNING)
        .message(
            api
                + " uses "
                + subject
                + candidate.provenance()
                + ", which policy "
                + context.policy().id()
                + " marks "
                + status.label()
                + ".")
        .threshold(threshold)
        .property("algorithm", part.name())
        .property("status", status.label())
        .report();
  }
}
