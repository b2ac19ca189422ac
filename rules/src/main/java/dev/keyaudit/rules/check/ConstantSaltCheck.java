package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.CONSTANT_SALT;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyDerivation;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Set;

/**
 * KA305: a password-based key derivation salt from literals or constants: every password then
 * derives the same key everywhere, and one precomputed dictionary serves all installations.
 */
final class ConstantSaltCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(CONSTANT_SALT);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof KeyDerivation kdf) || kdf.salt() == null) {
      return;
    }
    Threshold<Boolean> forbidden = context.policy().kdf().forbidConstantSalt();
    if (!forbidden.value()) {
      return;
    }
    if (kdf.salt() instanceof Value.Unknown<Secret> u) {
      context.unresolved(CONSTANT_SALT, fact, kdf.api() + " salt", u.why());
      return;
    }
    for (Candidate<Secret> salt : Candidate.written(kdf.salt())) {
      context
          .violation(CONSTANT_SALT, fact)
          .at(salt, fact)
          .message(
              kdf.api()
                  + " uses a constant salt "
                  + salt.value().describe()
                  + salt.provenance()
                  + ": the same password derives the same key everywhere. Policy "
                  + context.policy().id()
                  + " requires a fresh random salt per derivation.")
          .threshold(forbidden.cite("salt generated at random for each derivation"))
          .report();
    }
  }
}
