package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyExportability;
import dev.keyaudit.rules.model.Severity;
import java.util.List;
import java.util.Map;

/**
 * KA408: a managed key declared exportable ({@code exportable}, {@code allow_plaintext_backup}).
 * The setting is irreversible, and key material that can leave the key service is no longer kept
 * where it was generated.
 */
public final class ExportableKeyCheck implements ManifestCheck {

  public static final String RULE_ID = "KA408";

  @Override
  public String ruleId() {
    return RULE_ID;
  }

  @Override
  public List<Violation> check(Fact fact, String policyId) {
    if (!(fact instanceof KeyExportability k)) {
      return List.of();
    }
    return List.of(
        new Violation(
            RULE_ID,
            Severity.WARNING,
            k.service()
                + " key "
                + k.keyName()
                + " sets "
                + k.setting()
                + " = true: its material can be exported in plaintext, irreversibly."
                + " Keep keys non-exportable inside the key service.",
            k.location(),
            k.trace(),
            policyId,
            "generated keys stay inside the key service boundary",
            Map.of("service", k.service(), "setting", k.setting())));
  }
}
