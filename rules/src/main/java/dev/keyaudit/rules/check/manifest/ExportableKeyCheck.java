package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Check;
import dev.keyaudit.rules.check.CheckContext;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyExportability;
import java.util.Set;

/**
 * KA408: a managed key declared exportable ({@code exportable}, {@code allow_plaintext_backup}).
 * The setting is irreversible, and key material that can leave the key service is no longer kept
 * where it was generated.
 */
public final class ExportableKeyCheck implements Check {

  public static final String RULE_ID = "KA408";

  @Override
  public Set<String> ruleIds() {
    return Set.of(RULE_ID);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof KeyExportability k)) {
      return;
    }
    context
        .violation(RULE_ID, fact)
        .trace(k.trace())
        .message(
            k.service()
                + " key "
                + k.keyName()
                + " sets "
                + k.setting()
                + " = true: its material can be exported in plaintext, irreversibly."
                + " Keep keys non-exportable inside the key service.")
        .threshold("generated keys stay inside the key service boundary")
        .property("service", k.service())
        .property("setting", k.setting())
        .report();
  }
}
