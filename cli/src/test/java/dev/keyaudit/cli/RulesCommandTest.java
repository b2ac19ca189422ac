package dev.keyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.catalog.RuleDescriptor;
import dev.keyaudit.rules.policy.Policies;
import org.junit.jupiter.api.Test;

/** {@code keyaudit rules}, {@code rules ID}, {@code policies} and {@code --version}. */
class RulesCommandTest {

  @Test
  void listsEveryCatalogRule() {
    CliRun run = CliRun.of("rules");

    assertThat(run.exitCode()).isZero();
    for (RuleDescriptor rule : RuleCatalog.builtIn().rules()) {
      assertThat(run.out()).contains(rule.id()).contains(rule.name());
    }
  }

  @Test
  void explainsOneRuleWithBothExamples() {
    CliRun run = CliRun.of("rules", "ka102");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .startsWith("KA102 ")
        .contains("**Non-compliant**")
        .contains("**Compliant**");
  }

  @Test
  void unknownRuleIsAnError() {
    CliRun run = CliRun.of("rules", "KA999");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).contains("KA999");
  }

  @Test
  void listsBuiltInPoliciesAndMarksTheDefault() {
    CliRun run = CliRun.of("policies");

    assertThat(run.exitCode()).isZero();
    Policies.builtIn().forEach(p -> assertThat(run.out()).contains(p.id()));
    assertThat(run.out()).contains(Policies.DEFAULT_ID + " (default)");
  }

  @Test
  void printsItsVersion() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("keyaudit ").doesNotContain("${");
  }
}
