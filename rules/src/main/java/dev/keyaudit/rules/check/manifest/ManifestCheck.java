package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import java.util.List;

/**
 * A KA4xx check: judges one fact from manifests, scripts and infrastructure files. Each check reads
 * only the fact kinds it knows and returns no violation for the others.
 */
public interface ManifestCheck {
  String ruleId();

  List<Violation> check(Fact fact, String policyId);
}
