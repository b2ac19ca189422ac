package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import java.util.List;
import java.util.Objects;

/**
 * A managed key (Vault transit, cloud KMS) declared so that its material can leave the key service:
 * Vault {@code exportable = true} or {@code allow_plaintext_backup = true}. Both are irreversible
 * once set, and a key that can be exported is no longer generated and kept inside the boundary.
 *
 * @param service e.g. "vault-transit"
 * @param keyName the key's name or resource address
 * @param setting the setting that allows export ("exportable", "allow_plaintext_backup")
 */
public record KeyExportability(
    Location location, String service, String keyName, String setting, List<TraceStep> trace)
    implements Fact {

  public KeyExportability {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(keyName, "keyName");
    Objects.requireNonNull(setting, "setting");
    trace = List.copyOf(trace);
  }
}
