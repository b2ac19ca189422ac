package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.HARDCODED_KEY_PASSWORD;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyPassword;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Set;

/**
 * KA303: a password protecting keys (PBE, key store, key entry) written in the code. The message
 * shows the length and, for long values only, a masked prefix.
 */
final class HardcodedKeyPasswordCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(HARDCODED_KEY_PASSWORD);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof KeyPassword p) || p.password() == null) {
      return;
    }
    Threshold<Boolean> forbidden = context.policy().secrets().forbidHardcodedPasswords();
    if (!forbidden.value()) {
      return;
    }
    if (p.password() instanceof Value.Unknown<Secret> u) {
      context.unresolved(HARDCODED_KEY_PASSWORD, fact, p.api() + " password", u.why());
      return;
    }
    for (Candidate<Secret> password : Candidate.written(p.password())) {
      context
          .violation(HARDCODED_KEY_PASSWORD, fact)
          .at(password, fact)
          .message(
              p.api()
                  + " is given a hardcoded password "
                  + password.value().describe()
                  + password.provenance()
                  + ", so the keys it protects are as public as the code."
                  + " Policy "
                  + context.policy().id()
                  + " forbids passwords in code.")
          .threshold(forbidden.cite("no key passwords in source or binaries"))
          .property("api", p.api())
          .report();
    }
  }
}
