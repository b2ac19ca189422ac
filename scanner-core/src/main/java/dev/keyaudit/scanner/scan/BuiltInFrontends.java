package dev.keyaudit.scanner.scan;

import dev.keyaudit.scanner.manifest.ManifestFrontend;
import dev.keyaudit.scanner.source.JavaSourceFrontend;
import java.util.List;

/**
 * The frontends a scan runs, in order. Listed explicitly so a reviewer sees what KeyAudit reads;
 * {@code ServiceLoader} is reserved for third-party extensions.
 */
public final class BuiltInFrontends {
  private BuiltInFrontends() {}

  public static List<Frontend> all() {
    return List.of(new JavaSourceFrontend(), new ManifestFrontend());
  }
}
