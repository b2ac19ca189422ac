package dev.keyaudit.rules.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.check.BuiltInChecks;
import dev.keyaudit.rules.check.Check;
import dev.keyaudit.rules.model.Severity;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalog lint: metadata complete, ids well-formed and unique, every rule reported by a check
 * and every check's ids in the catalog, every resource file indexed. The second half proves the
 * validator can fail.
 */
class CatalogLintTest {

  static final RuleCatalog CATALOG = RuleCatalog.builtIn();

  @Test
  void builtInCatalogHasNoProblems() {
    assertThat(CatalogValidator.problems(CATALOG.rules())).isEmpty();
    assertThat(CATALOG.rules())
        .extracting(RuleDescriptor::id)
        .containsExactly(
            "KA101", "KA102", "KA103", "KA104", "KA105", "KA201", "KA202", "KA203", "KA204",
            "KA205", "KA301", "KA302", "KA303", "KA304", "KA305", "KA401", "KA402", "KA403",
            "KA404", "KA405", "KA406", "KA407", "KA408", "KA501", "KA502", "KA503")
        .isSorted();
  }

  @Test
  void everyRuleIsReportedByACheckAndEveryCheckReportsOnlyCatalogRules() {
    Set<String> reported = new HashSet<>();
    for (Check check : BuiltInChecks.all()) {
      assertThat(check.ruleIds()).as(check.getClass().getSimpleName()).isNotEmpty();
      for (String id : check.ruleIds()) {
        assertThat(CATALOG.find(id))
            .as(check.getClass().getSimpleName() + " reports " + id)
            .isPresent();
        assertThat(reported.add(id)).as(id + " reported by two checks").isTrue();
      }
    }
    assertThat(reported)
        .containsExactlyInAnyOrderElementsOf(
            CATALOG.rules().stream().map(RuleDescriptor::id).toList());
  }

  @Test
  void indexListsExactlyTheRuleFiles() throws Exception {
    assertThat(yamlFiles(RuleCatalog.RESOURCE_DIR))
        .containsExactlyInAnyOrderElementsOf(
            RuleCatalog.indexedIds().stream().map(id -> id + ".yaml").toList());
    assertThat(RuleCatalog.indexedIds()).doesNotHaveDuplicates();
  }

  @Test
  void examplesLookLikeJavaAndTheHelpPointsToTheReferenceRemediation() {
    for (RuleDescriptor rule : CATALOG.rules()) {
      if (rule.id().startsWith("KA4")) {
        continue; // manifest rules: examples are configuration files, not Java
      }
      for (String example : List.of(rule.noncompliant(), rule.compliant())) {
        assertThat(example).as(rule.id()).contains("class ");
        assertThat(count(example, '{')).as(rule.id() + " braces").isEqualTo(count(example, '}'));
        assertThat(count(example, '('))
            .as(rule.id() + " parentheses")
            .isEqualTo(count(example, ')'));
      }
      assertThat(rule.compliant()).as(rule.id()).isNotEqualTo(rule.noncompliant());
      assertThat(rule.help()).as(rule.id()).contains("CompliantKeys.forPolicy(");
    }
  }

  @Test
  void sarifSecuritySeverityFollowsTheSeverityBands() {
    for (RuleDescriptor rule : CATALOG.rules()) {
      double score = Double.parseDouble(rule.securitySeverity());
      if (rule.defaultSeverity() == Severity.ERROR) {
        assertThat(score).as(rule.id()).isGreaterThanOrEqualTo(7.0);
      } else {
        assertThat(score).as(rule.id()).isBetween(4.0, 6.9);
      }
    }
  }

  static Stream<Arguments> brokenEntries() {
    return Stream.of(
        broken("blank title", r -> with(r, "title", " "), "missing title"),
        broken("null help", r -> with(r, "help", null), "missing help"),
        broken("bad id", r -> with(r, "id", "KG101"), "does not match KAnnn"),
        broken("lower-case name", r -> with(r, "name", "weakAlgorithm"), "not UpperCamelCase"),
        broken("long description", r -> with(r, "description", "x".repeat(1025)), "longer than"),
        broken("bad security severity", r -> with(r, "securitySeverity", "high"), "not in 0.0"),
        broken("bad precision", r -> with(r, "precision", "certain"), "precision"),
        broken("multi-line title", r -> with(r, "title", "a\nb"), "one line"),
        broken("wrong guideline", r -> withGuidelines(r, List.of(7)), "its range audits [2]"),
        broken("no CWE", r -> withCwe(r, List.of()), "no CWE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenEntries")
  void validatorReportsBrokenEntries(
      String what, UnaryOperator<RuleDescriptor> breakIt, String problem) {
    List<RuleDescriptor> rules = new ArrayList<>(CATALOG.rules());
    rules.set(0, breakIt.apply(rules.get(0)));
    assertThat(CatalogValidator.problems(rules))
        .as(what)
        .anySatisfy(p -> assertThat(p).contains(problem));
  }

  @Test
  void validatorReportsDuplicateIdsAndNames() {
    List<RuleDescriptor> rules = new ArrayList<>(CATALOG.rules());
    rules.add(rules.get(0));
    assertThat(CatalogValidator.problems(rules))
        .contains("KA101: duplicate id", "KA101: duplicate name WeakAlgorithm");
  }

  private static Arguments broken(String what, UnaryOperator<RuleDescriptor> f, String problem) {
    return Arguments.of(what, f, problem);
  }

  private static RuleDescriptor with(RuleDescriptor r, String field, String value) {
    return new RuleDescriptor(
        field.equals("id") ? value : r.id(),
        field.equals("name") ? value : r.name(),
        field.equals("title") ? value : r.title(),
        field.equals("description") ? value : r.description(),
        r.guidelines(),
        r.cwe(),
        r.defaultSeverity(),
        field.equals("securitySeverity") ? value : r.securitySeverity(),
        field.equals("precision") ? value : r.precision(),
        field.equals("help") ? value : r.help(),
        r.noncompliant(),
        r.compliant());
  }

  private static RuleDescriptor withGuidelines(RuleDescriptor r, List<Integer> guidelines) {
    return new RuleDescriptor(
        r.id(),
        r.name(),
        r.title(),
        r.description(),
        guidelines,
        r.cwe(),
        r.defaultSeverity(),
        r.securitySeverity(),
        r.precision(),
        r.help(),
        r.noncompliant(),
        r.compliant());
  }

  private static RuleDescriptor withCwe(RuleDescriptor r, List<Integer> cwe) {
    return new RuleDescriptor(
        r.id(),
        r.name(),
        r.title(),
        r.description(),
        r.guidelines(),
        cwe,
        r.defaultSeverity(),
        r.securitySeverity(),
        r.precision(),
        r.help(),
        r.noncompliant(),
        r.compliant());
  }

  private static long count(String s, char c) {
    return s.chars().filter(ch -> ch == c).count();
  }

  /** YAML files of a resource folder, except the index. */
  static List<String> yamlFiles(String resourceDir) throws URISyntaxException, java.io.IOException {
    // The index, not the folder: test classes have a folder of the same package name.
    Path dir =
        Path.of(RuleCatalog.class.getResource(resourceDir + "index.yaml").toURI()).getParent();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml") && !n.equals("index.yaml"))
          .toList();
    }
  }
}
