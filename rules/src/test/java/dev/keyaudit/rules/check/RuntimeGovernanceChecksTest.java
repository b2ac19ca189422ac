package dev.keyaudit.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.facts.ObservedKeyGeneration;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.policy.Policies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** KA501–KA503 on facts as the runtime agent builds them, through the real evaluator. */
class RuntimeGovernanceChecksTest {

  private final PolicyEvaluator evaluator = new PolicyEvaluator(Policies.load("nist-800-131a"));

  private static ObservedKeyGeneration observed(
      String caller, List<String> allowed, String tenant, String environment, List<String> shared) {
    return new ObservedKeyGeneration(
        Location.line("com/acme/reports/ExportSigner.java", 12),
        "EC",
        caller,
        allowed,
        tenant,
        environment,
        shared);
  }

  private List<String> rules(ObservedKeyGeneration fact) {
    return evaluator.evaluate(fact).violations().stream().map(Violation::ruleId).toList();
  }

  @Test
  void catalogHasTheRuntimeRules() {
    assertThat(RuleCatalog.builtIn().find("KA501")).isPresent();
    assertThat(RuleCatalog.builtIn().find("KA502")).isPresent();
    assertThat(RuleCatalog.builtIn().find("KA503")).isPresent();
  }

  @Test
  void ka501CallerOutsideAllowedPackages() {
    var fact =
        observed("com.acme.reports.ExportSigner", List.of("com.acme.keys"), "t", "prod", List.of());
    assertThat(rules(fact)).containsExactly("KA501");
    Violation v = evaluator.evaluate(fact).violations().get(0);
    assertThat(v.message()).contains("com.acme.reports.ExportSigner").contains("com.acme.keys");
    assertThat(v.location().startLine()).isEqualTo(12);
  }

  @Test
  void ka501CallerInsideAllowedPackageOrNoRestriction() {
    assertThat(
            rules(
                observed(
                    "com.acme.keys.KeyService", List.of("com.acme.keys"), "t", "p", List.of())))
        .isEmpty();
    assertThat(
            rules(observed("com.acme.keysmith.X", List.of("com.acme.keys"), "t", "p", List.of())))
        .as("prefix match is by package, not by string")
        .containsExactly("KA501");
    assertThat(rules(observed("anything.Goes", List.of(), "t", "p", List.of()))).isEmpty();
  }

  @Test
  void ka501UnknownCallerIsUnresolvedNotAViolation() {
    Evaluation e =
        evaluator.evaluate(observed(null, List.of("com.acme.keys"), "t", "p", List.of()));
    assertThat(e.violations()).isEmpty();
    assertThat(e.unresolved()).extracting(Unresolved::ruleId).containsExactly("KA501");
  }

  @Test
  void ka502RngThatServedAnotherTenant() {
    var fact = observed("com.acme.A", List.of(), "globex", "prod", List.of("tenant:acme"));
    assertThat(rules(fact)).containsExactly("KA502");
    assertThat(evaluator.evaluate(fact).violations().get(0).message())
        .contains("tenant globex")
        .contains("tenant:acme");
  }

  @Test
  void ka502RngUsedByOneTenantOnly() {
    assertThat(rules(observed("com.acme.A", List.of(), "acme", "prod", List.of()))).isEmpty();
  }

  @Test
  void ka503NoTenantAndNoEnvironment() {
    assertThat(rules(observed("com.acme.A", List.of(), null, null, List.of())))
        .containsExactly("KA503");
    assertThat(rules(observed("com.acme.A", List.of(), " ", "", List.of())))
        .containsExactly("KA503");
  }

  @Test
  void ka503EitherTenantOrEnvironmentIsEnough() {
    assertThat(rules(observed("com.acme.A", List.of(), "acme", null, List.of()))).isEmpty();
    assertThat(rules(observed("com.acme.A", List.of(), null, "prod", List.of()))).isEmpty();
  }
}
