package dev.keyaudit.scanner.resolve;

import dev.keyaudit.rules.model.Location;
import java.util.List;

/**
 * The project's configuration as the resolver sees it: which value a key has at run time, per
 * profile. Backed by the project's {@code .properties} and {@code application*.yml} files.
 */
public interface ConfigSource {

  /**
   * Every setting of {@code key} that can win at run time, one per profile ({@code profile} is
   * empty for the default profile), in a stable order; empty when the project does not set it.
   */
  List<Setting> lookup(Expr.ConfigKind kind, String key);

  /** One value of a key, where it is set, and the profile it applies to ("" = default). */
  record Setting(String value, Location at, String profile) {}

  /** No configuration files: every lookup falls back to its default. */
  ConfigSource NONE = (kind, key) -> List.of();
}
