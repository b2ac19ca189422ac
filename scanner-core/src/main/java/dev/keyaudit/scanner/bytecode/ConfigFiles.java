package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.scanner.config.ConfigEntry;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.resolve.ConfigSource;
import dev.keyaudit.scanner.resolve.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The project's {@code .properties} and {@code application*.yml} files as the shared resolver's
 * {@link ConfigSource}: per key, the setting that wins without a profile, then the one that wins
 * under each profile that sets it. System properties are not set by files: they use their default.
 */
final class ConfigFiles implements ConfigSource {

  private final ConfigIndex index;

  ConfigFiles(ConfigIndex index) {
    this.index = index;
  }

  @Override
  public List<Setting> lookup(Expr.ConfigKind kind, String key) {
    if (kind == Expr.ConfigKind.SYSTEM_PROPERTY) {
      return List.of();
    }
    TreeSet<String> profiles = new TreeSet<>();
    index.all(key).stream().map(ConfigEntry::profile).filter(p -> p != null).forEach(profiles::add);
    List<Setting> out = new ArrayList<>();
    index.lookup(key, null).ifPresent(e -> out.add(winning(e, null)));
    for (String profile : profiles) {
      index.lookup(key, profile).ifPresent(e -> out.add(winning(e, profile)));
    }
    return out;
  }

  /** The entry's value with its placeholders resolved for the profile. */
  private Setting winning(ConfigEntry e, String profile) {
    String value =
        index.resolve(e.value(), profile).map(ConfigIndex.Resolved::value).orElse(e.value());
    return new Setting(value, e.location(), profile == null ? "" : profile);
  }
}
