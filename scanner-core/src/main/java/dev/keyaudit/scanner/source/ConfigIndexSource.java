package dev.keyaudit.scanner.source;

import dev.keyaudit.scanner.config.ConfigEntry;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.resolve.ConfigSource;
import dev.keyaudit.scanner.resolve.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The engine's {@link ConfigSource} over the project's {@link ConfigIndex}: for a key, the value
 * that wins without a profile, then the value that wins under each profile that sets it. System
 * properties are not set by configuration files, so they always fall back to their default.
 */
final class ConfigIndexSource implements ConfigSource {

  static final ConfigIndexSource NONE_INDEX = new ConfigIndexSource(ConfigIndex.of(List.of()));

  private final ConfigIndex index;

  ConfigIndexSource(ConfigIndex index) {
    this.index = index;
  }

  @Override
  public List<Setting> lookup(Expr.ConfigKind kind, String key) {
    if (kind == Expr.ConfigKind.SYSTEM_PROPERTY) {
      return List.of();
    }
    List<Setting> settings = new ArrayList<>();
    TreeSet<String> profiles = new TreeSet<>();
    for (ConfigEntry e : index.all(key)) {
      if (e.profile() != null) {
        profiles.add(e.profile());
      }
    }
    index.lookup(key, null).ifPresent(e -> settings.add(setting(e, "")));
    for (String profile : profiles) {
      Optional<ConfigEntry> e = index.lookup(key, profile);
      e.ifPresent(x -> settings.add(setting(x, profile)));
    }
    return settings;
  }

  private Setting setting(ConfigEntry e, String profile) {
    String value =
        index
            .resolve(e.value(), profile.isEmpty() ? null : profile)
            .map(ConfigIndex.Resolved::value)
            .orElse(e.value());
    return new Setting(value, e.location(), profile);
  }
}
