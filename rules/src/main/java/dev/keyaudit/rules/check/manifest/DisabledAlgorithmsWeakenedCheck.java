package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.DisabledAlgorithmsOverride;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.jca.JdkSecurityBaseline;
import dev.keyaudit.rules.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * KA407: a {@code java.security} override that drops constraints from {@code
 * jdk.*.disabledAlgorithms} or {@code jdk.security.legacyAlgorithms}, re-enabling short keys or
 * broken algorithms for every key the JVM accepts. Dropping a key-size or hash constraint is an
 * error; dropping a protocol or cipher constraint a warning.
 */
public final class DisabledAlgorithmsWeakenedCheck implements ManifestCheck {

  public static final String RULE_ID = "KA407";

  @Override
  public String ruleId() {
    return RULE_ID;
  }

  @Override
  public List<Violation> check(Fact fact, String policyId) {
    if (!(fact instanceof DisabledAlgorithmsOverride o)) {
      return List.of();
    }
    List<String> baseline = JdkSecurityBaseline.constraints(o.property()).orElse(List.of());
    Set<String> kept =
        o.entries().stream().map(JdkSecurityBaseline::normalize).collect(Collectors.toSet());
    boolean includesDefaults = o.entries().stream().anyMatch(e -> e.startsWith("include "));
    List<String> dropped =
        baseline.stream().filter(c -> !kept.contains(JdkSecurityBaseline.normalize(c))).toList();
    if (dropped.isEmpty() || includesDefaults && dropped.size() < baseline.size() / 2) {
      return List.of();
    }
    boolean keyOrHash =
        dropped.stream()
            .map(d -> d.toLowerCase(Locale.ROOT))
            .anyMatch(d -> d.contains("keysize") || d.startsWith("sha1") || d.startsWith("md"));
    return List.of(
        new Violation(
            RULE_ID,
            keyOrHash ? Severity.ERROR : Severity.WARNING,
            o.property()
                + " is overridden without the JDK's constraints "
                + String.join(", ", dropped)
                + "; the JVM accepts these again. Append to the JDK list instead of replacing it.",
            o.location(),
            List.of(),
            policyId,
            "JDK algorithm constraints kept at least at the JDK 17 defaults",
            Map.of("property", o.property(), "dropped", String.join(", ", dropped))));
  }
}
