package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Check;
import dev.keyaudit.rules.check.CheckContext;
import dev.keyaudit.rules.facts.DisabledAlgorithmsOverride;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.jca.JdkSecurityBaseline;
import dev.keyaudit.rules.model.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * KA407: a {@code java.security} override that drops constraints from {@code
 * jdk.*.disabledAlgorithms} or {@code jdk.security.legacyAlgorithms}, re-enabling short keys or
 * broken algorithms for every key the JVM accepts. Dropping a key-size or hash constraint keeps the
 * catalog's error; dropping only protocol or cipher constraints is a warning.
 */
public final class DisabledAlgorithmsWeakenedCheck implements Check {

  public static final String RULE_ID = "KA407";

  @Override
  public Set<String> ruleIds() {
    return Set.of(RULE_ID);
  }

  @Override
  public void evaluate(Fact fact, CheckContext context) {
    if (!(fact instanceof DisabledAlgorithmsOverride o)) {
      return;
    }
    List<String> baseline = JdkSecurityBaseline.constraints(o.property()).orElse(List.of());
    Set<String> kept =
        o.entries().stream().map(JdkSecurityBaseline::normalize).collect(Collectors.toSet());
    List<String> dropped =
        baseline.stream().filter(c -> !kept.contains(JdkSecurityBaseline.normalize(c))).toList();
    if (dropped.isEmpty()) {
      return;
    }
    boolean keyOrHash =
        dropped.stream()
            .map(d -> d.toLowerCase(Locale.ROOT))
            .anyMatch(d -> d.contains("keysize") || d.startsWith("sha1") || d.startsWith("md"));
    CheckContext.ViolationBuilder v =
        context
            .violation(RULE_ID, fact)
            .message(
                o.property()
                    + " is overridden without the JDK's constraints "
                    + String.join(", ", dropped)
                    + "; the JVM accepts these again. Keep the JDK's list and add to it.")
            .threshold("JDK algorithm constraints kept at least at the JDK 17 defaults")
            .property("property", o.property())
            .property("dropped", String.join(", ", dropped));
    if (!keyOrHash) {
      v.severity(Severity.WARNING);
    }
    v.report();
  }
}
