package dev.keyaudit.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import org.junit.jupiter.api.Test;

class RuleDocsTest {

  @Test
  void rulesTableHasOneRowPerRule() {
    String table = RuleDocs.rulesTable(RuleCatalog.builtIn());
    assertThat(table.lines().filter(l -> l.startsWith("| KA"))).hasSize(26);
    assertThat(table)
        .startsWith("| Id | Name | Title | Default severity | CWE | CEK-10 guidelines |")
        .contains(
            "| KA102 | KeySizeBelowMinimum | Key size below the policy minimum | error | "
                + "[CWE-326](https://cwe.mitre.org/data/definitions/326.html) | 2 |")
        .contains("| KA203 | PredictableSeed |")
        .contains("| 3, 9 |");
  }

  @Test
  void rulePageHasEverythingAndTheExamples() {
    RuleDescriptor rule = RuleCatalog.builtIn().require("KA301");
    String page = RuleDocs.rule(rule);
    assertThat(page)
        .startsWith("# KA301 HardcodedKey\n")
        .contains(rule.title(), rule.description().strip(), "## How to fix")
        .contains("**Non-compliant**", "**Compliant**", "```java")
        .contains(rule.noncompliant().strip(), rule.compliant().strip())
        .contains("CWE-321", "| Security severity | 9.5 |");
  }

  @Test
  void policiesTableShowsKeyThresholds() {
    String table = RuleDocs.policiesTable(Policies.builtIn());
    assertThat(table.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Id"))).hasSize(5);
    assertThat(table)
        .contains(
            "| nist-800-131a | NIST SP 800-131A Rev. 2 | — | 2048 / 2048 / 2048 | 224 | 128 "
                + "| 112 |")
        .contains("| cnsa-2.0 |", "| fips-140-3 | 3072 / 3072 / 3072 | 384 | 256 | 256 | P-384 |")
        .contains("deprecated after 2030-12-31 (≤ 112-bit), disallowed after 2035-12-31")
        .contains("≥ 600,000");
  }

  @Test
  void policyPageCitesEverySource() {
    Policy nist = Policies.load("nist-800-131a");
    String page = RuleDocs.policy(nist);
    assertThat(page)
        .startsWith("# nist-800-131a — NIST SP 800-131A Rev. 2")
        .contains(
            "| Minimum RSA modulus (KA102) | 2048 bits | NIST SP 800-131A Rev. 2, §3, Table 2")
        .contains("| DESede (KA101) | deprecated, disallowed after 2023-12-31 |")
        .contains("| SHA-1 (KA101) | signature: disallowed |")
        .contains("| SecureRandom algorithms refused (KA202) | SHA1PRNG |");
    assertThat(page.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Threshold")))
        .allSatisfy(l -> assertThat(l.split("\\|")).hasSizeGreaterThanOrEqualTo(4));
    assertThat(RuleDocs.policy(Policies.load("cnsa-2.0")))
        .contains("Extends: fips-140-3 → nist-800-131a.");
  }
}
