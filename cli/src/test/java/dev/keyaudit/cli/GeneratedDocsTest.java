package dev.keyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.catalog.RuleDescriptor;
import dev.keyaudit.rules.catalog.RuleDocs;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rule and policy documentation is generated from the catalog and the policy files, never
 * written by hand: this test fails when README.md's generated regions or docs/rules, docs/policies
 * are stale. Regenerate with {@code mvn -B -pl cli -am test -Dtest=GeneratedDocsTest
 * -Dsurefire.failIfNoSpecifiedTests=false -Dkeyaudit.updateDocs=true}.
 */
class GeneratedDocsTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
  private static final boolean UPDATE = Boolean.getBoolean("keyaudit.updateDocs");

  @Test
  void readmeTablesMatchTheCatalogAndPolicies() throws IOException {
    Path readme = REPO.resolve("README.md");
    String text = Files.readString(readme);
    String updated = replaceRegion(text, "rules-table", RuleDocs.rulesTable(RuleCatalog.builtIn()));
    updated = replaceRegion(updated, "policies-table", RuleDocs.policiesTable(Policies.builtIn()));
    check(readme, text, updated);
  }

  @Test
  void perRuleAndPerPolicyPagesMatch() throws IOException {
    Map<Path, String> expected = new LinkedHashMap<>();
    for (RuleDescriptor rule : RuleCatalog.builtIn().rules()) {
      expected.put(
          REPO.resolve("docs/rules/" + rule.id() + ".md"),
          RuleDocs.GENERATED_BANNER + "\n\n" + RuleDocs.rule(rule));
    }
    for (Policy policy : Policies.builtIn()) {
      expected.put(
          REPO.resolve("docs/policies/" + policy.id() + ".md"),
          RuleDocs.GENERATED_BANNER + "\n\n" + RuleDocs.policy(policy));
    }
    for (var entry : expected.entrySet()) {
      Path file = entry.getKey();
      String current = Files.exists(file) ? Files.readString(file) : "";
      check(file, current, entry.getValue());
    }
  }

  private static void check(Path file, String current, String expected) throws IOException {
    if (UPDATE && !current.equals(expected)) {
      Files.createDirectories(file.getParent());
      Files.writeString(file, expected);
      return;
    }
    assertThat(current)
        .as(
            "%s is stale; regenerate with -Dkeyaudit.updateDocs=true (see this test's Javadoc)",
            file)
        .isEqualTo(expected);
  }

  private static String replaceRegion(String text, String name, String content) {
    Pattern region =
        Pattern.compile(
            "(<!-- " + name + ":begin -->\n)(.*?)(<!-- " + name + ":end -->)", Pattern.DOTALL);
    Matcher m = region.matcher(text);
    assertThat(m.find()).as("README.md has no %s region", name).isTrue();
    return m.replaceFirst(Matcher.quoteReplacement(m.group(1) + content + m.group(3)));
  }
}
