package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.KEY_SIZE_BELOW_MINIMUM;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.SecretKeyConstruction;
import dev.keyaudit.rules.jca.Algorithms;
import dev.keyaudit.rules.jca.JcaAlgorithm;
import dev.keyaudit.rules.jca.KeyFamily;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Optional;
import java.util.Set;

/**
 * KA102: a key shorter than the policy's minimum for its family — RSA/DSA/DH by modulus, EC by
 * group order, AES and HMAC by key length. Sizes come from {@code init}/{@code initialize}, from
 * the provider default when there was none (the message says so), and from the length of key bytes
 * handed to a key spec. An EC key on a curve the policy does not approve is left to KA103.
 */
final class KeySizeCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(KEY_SIZE_BELOW_MINIMUM);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (fact instanceof SecretKeyConstruction s) {
      judgeKeyBytes(s, context);
      return;
    }
    GeneratedKeys.of(fact)
        .ifPresent(
            keys -> {
              keys.unknown()
                  .forEach(
                      why ->
                          context.unresolved(
                              KEY_SIZE_BELOW_MINIMUM,
                              fact,
                              GeneratedKeys.api(fact) + " key size",
                              why));
              keys.keys().forEach(key -> judge(fact, key, context));
            });
  }

  private void judge(Fact fact, GeneratedKeys.Key key, CheckContext context) {
    KeyFamily family = key.algorithm().sizeFamily();
    if (family == null || key.bits() == null) {
      return;
    }
    if (key.curve() != null && !context.policy().curves().approves(key.curve())) {
      return;
    }
    Threshold<Integer> min = context.policy().minKeySize(family);
    if (key.bits() >= min.value()) {
      return;
    }
    Candidate<?> deciding = key.decidingCandidate();
    String size =
        key.curve() != null
            ? key.curve().displayName() + " (" + key.bits() + "-bit " + family.measure() + ")"
            : key.bits() + "-bit " + family.measure();
    String what =
        key.fromProviderDefault()
            ? GeneratedKeys.api(fact)
                + " "
                + key.algorithm().name()
                + " is never initialized, so the provider default applies: "
                + size
                + " ("
                + deciding.why()
                + ")"
            : GeneratedKeys.api(fact)
                + " "
                + key.algorithm().name()
                + " generates a "
                + size
                + deciding.provenance();
    context
        .violation(KEY_SIZE_BELOW_MINIMUM, fact)
        .at(deciding, fact)
        .message(
            what
                + "; policy "
                + context.policy().id()
                + " requires at least "
                + min.value()
                + " bits.")
        .threshold(min.cite(family + " ≥ " + min.value() + " bits"))
        .property("algorithm", key.algorithm().name())
        .property("keySize", key.bits())
        .property("curve", key.curve() == null ? null : key.curve().name())
        .property("providerDefault", key.fromProviderDefault() ? "true" : null)
        .report();
  }

  private void judgeKeyBytes(SecretKeyConstruction s, CheckContext context) {
    if (s.algorithm() == null || s.material() == null) {
      return;
    }
    for (Candidate<String> a : Candidate.of(s.algorithm())) {
      Optional<KeyFamily> family = Algorithms.lookup(a.value()).flatMap(JcaAlgorithm::family);
      if (family.isEmpty() || !(family.get() == KeyFamily.AES || family.get() == KeyFamily.HMAC)) {
        continue;
      }
      Threshold<Integer> min = context.policy().minKeySize(family.get());
      for (Candidate<Secret> material : Candidate.of(s.material())) {
        int bits = material.value().bits();
        if (bits == 0 || bits >= min.value()) {
          continue;
        }
        context
            .violation(KEY_SIZE_BELOW_MINIMUM, s)
            .at(material, s)
            .message(
                s.api()
                    + " gets "
                    + bits
                    + " bits of "
                    + a.value()
                    + " key material"
                    + material.provenance()
                    + "; policy "
                    + context.policy().id()
                    + " requires at least "
                    + min.value()
                    + " bits.")
            .threshold(min.cite(family.get() + " ≥ " + min.value() + " bits"))
            .property("algorithm", a.value())
            .property("keySize", bits)
            .report();
      }
    }
  }
}
