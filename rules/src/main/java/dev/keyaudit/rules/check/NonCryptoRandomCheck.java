package dev.keyaudit.rules.check;

import static dev.keyaudit.rules.catalog.RuleIds.NON_CRYPTOGRAPHIC_RNG;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Locale;
import java.util.Set;

/**
 * KA201: a non-cryptographic generator ({@code java.util.Random}, {@code Math.random}...). An error
 * where its output reaches key material, an IV, a salt, a seed, a password or a token; a note
 * elsewhere, because a simulation or a shuffle may use it legitimately.
 */
final class NonCryptoRandomCheck implements Check {

  @Override
  public Set<String> ruleIds() {
    return Set.of(NON_CRYPTOGRAPHIC_RNG);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof NonCryptoRandomUse use)) {
      return;
    }
    Threshold<Boolean> required = context.policy().rng().requireCryptographicRng();
    if (!required.value()) {
      return;
    }
    boolean sensitive = use.sink().sensitive();
    String message =
        sensitive
            ? use.api()
                + " output ends up in "
                + sinkName(use.sink())
                + ", but it is not a"
                + " cryptographic RNG: its output can be predicted from a few values. Policy "
                + context.policy().id()
                + " requires SecureRandom here."
            : use.api()
                + " is not a cryptographic RNG; its output was not followed into key"
                + " material, IVs, salts, seeds, passwords or tokens. If it is security-relevant,"
                + " policy "
                + context.policy().id()
                + " requires SecureRandom.";
    context
        .violation(NON_CRYPTOGRAPHIC_RNG, fact)
        .trace(use.flow())
        .severity(sensitive ? Severity.ERROR : Severity.NOTE)
        .message(message)
        .threshold(
            required.cite(
                "key material, IVs, salts, seeds, passwords and tokens from a cryptographic RNG"))
        .property("rng", use.api())
        .property("sink", use.sink().name().toLowerCase(Locale.ROOT))
        .report();
  }

  static String sinkName(NonCryptoRandomUse.RandomSink sink) {
    return switch (sink) {
      case KEY_MATERIAL -> "key material";
      case IV -> "an IV";
      case SALT -> "a salt";
      case SEED -> "a seed";
      case PASSWORD -> "a password";
      case TOKEN -> "a token";
      case OTHER -> "other data";
    };
  }
}
