package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.WEAK_KEY_DERIVATION;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyDerivation;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.KdfPolicy;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Set;

/**
 * KA304: password-based key derivation with too few iterations, a derived key shorter than the
 * policy's minimum, or a salt shorter than the policy's minimum (SP 800-132 §5.1–5.3).
 */
final class KeyDerivationCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(WEAK_KEY_DERIVATION);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof KeyDerivation kdf)) {
      return;
    }
    KdfPolicy policy = context.policy().kdf();
    String id = context.policy().id();
    judgeNumber(
        kdf,
        kdf.iterations(),
        policy.minIterations(),
        "iteration count",
        "",
        "iterations ≥ ",
        context);
    judgeNumber(
        kdf,
        kdf.keyLength(),
        policy.minDerivedKeyBits(),
        "derived key length",
        " bits",
        "derived key ≥ ",
        context);
    if (kdf.salt() == null) {
      return;
    }
    Threshold<Integer> minSalt = policy.minSaltBytes();
    for (Candidate<Secret> salt : Candidate.of(kdf.salt())) {
      int bytes = salt.value().unit().equals("bytes") ? salt.value().length() : 0;
      if (bytes > 0 && bytes < minSalt.value()) {
        context
            .violation(WEAK_KEY_DERIVATION, fact)
            .at(salt, fact)
            .message(
                kdf.api()
                    + " uses a salt of "
                    + bytes
                    + " bytes"
                    + salt.provenance()
                    + "; policy "
                    + id
                    + " requires at least "
                    + minSalt.value()
                    + " bytes.")
            .threshold(minSalt.cite("salt ≥ " + minSalt.value() + " bytes"))
            .property("saltBytes", bytes)
            .report();
      }
    }
  }

  private void judgeNumber(
      KeyDerivation kdf,
      Value<Integer> value,
      Threshold<Integer> min,
      String what,
      String unit,
      String requirement,
      CheckContext context) {
    if (value == null) {
      return;
    }
    if (value instanceof Value.Unknown<Integer> u) {
      context.unresolved(WEAK_KEY_DERIVATION, kdf, kdf.api() + " " + what, u.why());
      return;
    }
    for (Candidate<Integer> c : Candidate.of(value)) {
      if (c.value() < min.value()) {
        context
            .violation(WEAK_KEY_DERIVATION, kdf)
            .at(c, kdf)
            .message(
                kdf.api()
                    + " "
                    + what
                    + " is "
                    + c.value()
                    + unit
                    + c.provenance()
                    + "; policy "
                    + context.policy().id()
                    + " requires at least "
                    + min.value()
                    + unit
                    + ".")
            .threshold(min.cite(requirement + min.value() + unit))
            .property(what.replace(' ', '-'), c.value())
            .report();
      }
    }
  }
}
