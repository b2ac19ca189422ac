package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.HARDCODED_KEY;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.SecretKeyConstruction;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Set;

/**
 * KA301: key bytes from literals or constants handed to a key spec ({@code SecretKeySpec}, {@code
 * PKCS8EncodedKeySpec}...). Such a key was never generated: anyone with the source or the binary
 * holds it. The message shows only a masked prefix and the length. Public-key specs are exempt: a
 * pinned public key in code is not a secret.
 */
final class HardcodedKeyCheck implements Check {

  private static final Set<String> PUBLIC_KEY_SPECS =
      Set.of(
          "X509EncodedKeySpec",
          "RSAPublicKeySpec",
          "ECPublicKeySpec",
          "DSAPublicKeySpec",
          "DHPublicKeySpec",
          "EdECPublicKeySpec",
          "XECPublicKeySpec");

  @Override
  public Set<String> ruleIds() {
    return Set.of(HARDCODED_KEY);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof SecretKeyConstruction s)
        || s.material() == null
        || PUBLIC_KEY_SPECS.contains(s.api())) {
      return;
    }
    Threshold<Boolean> forbidden = context.policy().secrets().forbidHardcodedKeys();
    if (!forbidden.value()) {
      return;
    }
    if (s.material() instanceof Value.Unknown<Secret> u) {
      context.unresolved(HARDCODED_KEY, fact, s.api() + " key material", u.why());
      return;
    }
    for (Candidate<Secret> material : Candidate.written(s.material())) {
      context
          .violation(HARDCODED_KEY, fact)
          .at(material, fact)
          .message(
              s.api()
                  + " gets hardcoded key material "
                  + material.value().describe()
                  + material.provenance()
                  + ": whoever has the code has the key. Policy "
                  + context.policy().id()
                  + " requires keys to be generated, not written in code.")
          .threshold(forbidden.cite("no key material in source or binaries"))
          .property("api", s.api())
          .property("length", material.value().length() + " " + material.value().unit())
          .report();
    }
  }
}
