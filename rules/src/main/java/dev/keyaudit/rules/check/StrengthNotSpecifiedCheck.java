package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.STRENGTH_NOT_SPECIFIED;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.jca.Algorithms;
import dev.keyaudit.rules.jca.JcaAlgorithm;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Threshold;
import java.util.List;
import java.util.Set;

/**
 * KA104: a generator never initialized with a size or parameter set, so the provider default
 * decides the strength — and that default changes with the JDK release and provider order. Names
 * that fix the strength themselves (Ed25519, ML-KEM-768, ChaCha20) need no {@code init}. When the
 * default is too weak, KA102 reports that as well.
 */
final class StrengthNotSpecifiedCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(STRENGTH_NOT_SPECIFIED);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    Value<Integer> size;
    boolean curveGiven;
    if (fact instanceof KeyGeneration g) {
      size = g.keySize();
      curveGiven = false;
    } else if (fact instanceof KeyPairGeneration p) {
      size = p.keySize();
      curveGiven = p.curve() != null && !(p.curve() instanceof Value.Default<String>);
    } else {
      return;
    }
    Threshold<Boolean> required = context.policy().requireExplicitStrength();
    if (!required.value() || !(size instanceof Value.Default<Integer> d) || curveGiven) {
      return;
    }
    Value<String> algorithm = GeneratedKeys.algorithm(fact);
    List<Candidate<String>> algorithms = Candidate.of(algorithm);
    boolean fixedByName =
        !algorithms.isEmpty()
            && algorithms.stream()
                .allMatch(
                    a ->
                        Algorithms.lookup(a.value())
                            .map(JcaAlgorithm::strengthFixedByName)
                            .orElse(false));
    if (fixedByName) {
      return;
    }
    String name =
        algorithms.isEmpty()
            ? ""
            : " " + String.join("/", algorithms.stream().map(Candidate::value).toList());
    String outcome =
        d.value() == null
            ? "the provider decides the strength (" + d.why() + ")"
            : "the provider default decides the strength: " + d.value() + " bits (" + d.why() + ")";
    context
        .violation(STRENGTH_NOT_SPECIFIED, fact)
        .message(
            GeneratedKeys.api(fact)
                + name
                + " is never initialized with a key size or parameter"
                + " set, so "
                + outcome
                + "; policy "
                + context.policy().id()
                + " requires the strength to be specified.")
        .threshold(required.cite("key size or parameter set specified explicitly"))
        .property("keySize", d.value())
        .report();
  }
}
