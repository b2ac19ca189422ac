package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.catalog.RuleDescriptor;
import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * End to end over the Java fixtures: the source frontend extracts facts, the policy evaluator
 * judges them under the fixture's policy, waivers are applied, and the (rule, line) of every
 * violation is compared with the fixture's markers in both directions.
 */
public class JavaFixtureTest {

  public static final List<String> FIXTURE_DIRS =
      List.of("fixtures/java", "fixtures/java-nocompile");

  private static final Map<String, PolicyEvaluator> EVALUATORS = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> fixtures() {
    return fixtures(FIXTURE_DIRS).stream()
        .map(f -> DynamicTest.dynamicTest(f.relativePath(), f.file().toUri(), () -> check(f)));
  }

  @Test
  void everyCatalogRuleHasAPositiveAndANegativeFixture() {
    List<Fixture> all = fixtures(FIXTURE_DIRS);
    List<String> missing = new ArrayList<>();
    for (RuleDescriptor rule : RuleCatalog.builtIn().rules()) {
      String id = rule.id();
      if (id.startsWith("KA4") || id.startsWith("KA5")) {
        // KA4xx: ManifestFixtureTest enforces their fixtures; KA5xx are judged on agent events
        // (RuntimeGovernanceChecksTest in rules, PolicyIT in java-agent, both ways).
        continue;
      }
      boolean positive = all.stream().anyMatch(f -> f.expects(id));
      boolean negative =
          all.stream()
              .anyMatch(f -> f.documentsOk(id) || (id.equals(f.folderRule()) && !f.expects(id)));
      if (!positive) {
        missing.add(id + " has no fixture with `expect: " + id + "`");
      }
      if (!negative) {
        missing.add(
            id + " has no fixture with `ok: " + id + "` (or without findings in its folder)");
      }
    }
    assertThat(missing).isEmpty();
  }

  private static void check(Fixture fixture) {
    CollectingSink sink = new CollectingSink();
    new JavaSourceFrontend()
        .analyze(inputs(fixture), new ScanContext(fixture.targetJdk(), 1), sink);
    assertThat(sink.notifications.stream().filter(n -> n.level().equals("error")))
        .as("the fixture must parse")
        .isEmpty();
    PolicyEvaluator evaluator =
        EVALUATORS.computeIfAbsent(fixture.policy(), id -> new PolicyEvaluator(Policies.load(id)));
    Map<Integer, Set<String>> found = new TreeMap<>();
    List<String> details = new ArrayList<>();
    for (Fact fact : sink.facts) {
      for (Violation v : evaluator.evaluate(fact).violations()) {
        if (!v.location().path().equals(fixture.relativePath())) {
          continue; // another file of a project fixture: checked as its own fixture
        }
        int line = markerLine(fixture, v);
        if (!fixture.inScope(v.ruleId()) || waived(sink.suppressions, v.ruleId(), line)) {
          continue;
        }
        found.computeIfAbsent(line, k -> new TreeSet<>()).add(v.ruleId());
        details.add("  " + v.ruleId() + " line " + line + ": " + v.message());
      }
    }
    List<String> problems = compare(fixture, found);
    assertThat(problems)
        .as(
            "%s%nviolations:%n%s%nfacts:%n%s",
            fixture.relativePath(),
            String.join("\n", details),
            String.join("\n", sink.facts.stream().map(f -> "  " + f).toList()))
        .isEmpty();
  }

  /** The fixture alone, or with every file of its directory for a project fixture. */
  public static List<InputFile> inputs(Fixture fixture) {
    if (!fixture.project()) {
      return List.of(new InputFile(fixture.file(), fixture.relativePath()));
    }
    Path dir = fixture.file().getParent();
    String prefix =
        fixture.relativePath().substring(0, fixture.relativePath().lastIndexOf('/') + 1);
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(Files::isRegularFile)
          .sorted()
          .map(p -> new InputFile(p, prefix + p.getFileName()))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The line a violation's marker goes on: its first line, or, for a region spanning several lines
   * (a text block, whose opening line cannot hold a comment), its last line when only that one
   * carries a marker for the rule.
   */
  public static int markerLine(Fixture fixture, Violation v) {
    int start = v.location().startLine();
    int end = v.location().endLine();
    if (end > start
        && !marked(fixture.markers().get(start), v.ruleId())
        && marked(fixture.markers().get(end), v.ruleId())) {
      return end;
    }
    return start;
  }

  private static boolean marked(Fixture.Markers m, String ruleId) {
    return m != null
        && (m.expect().contains(ruleId)
            || m.ok().contains(ruleId)
            || m.todoExpect().contains(ruleId)
            || m.todoOk().contains(ruleId));
  }

  /** Both directions: every marker matched, every in-scope finding marked. */
  public static List<String> compare(Fixture fixture, Map<Integer, Set<String>> found) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<Integer, Fixture.Markers> e : fixture.markers().entrySet()) {
      int line = e.getKey();
      Set<String> at = found.getOrDefault(line, Set.of());
      Fixture.Markers m = e.getValue();
      for (String id : m.expect()) {
        if (fixture.inScope(id) && !at.contains(id)) {
          problems.add("line " + line + ": expected " + id + ", not found");
        }
      }
      for (String id : m.ok()) {
        if (at.contains(id)) {
          problems.add("line " + line + ": " + id + " found, but the line is marked ok");
        }
      }
      for (String id : m.todoExpect()) {
        if (at.contains(id)) {
          problems.add("line " + line + ": " + id + " is found now: promote todo-expect to expect");
        }
      }
      for (String id : m.todoOk()) {
        if (!at.contains(id)) {
          problems.add("line " + line + ": " + id + " is gone now: promote todo-ok to ok");
        }
      }
    }
    for (Map.Entry<Integer, Set<String>> e : found.entrySet()) {
      Fixture.Markers m = fixture.markers().get(e.getKey());
      for (String id : e.getValue()) {
        boolean marked = m != null && (m.expect().contains(id) || m.todoOk().contains(id));
        if (!marked) {
          problems.add("line " + e.getKey() + ": unexpected " + id);
        }
      }
    }
    return problems;
  }

  /** What the scan applies: a waiver naming the rule (or every rule) covering the line. */
  public static boolean waived(List<Suppression> suppressions, String ruleId, int line) {
    return suppressions.stream()
        .anyMatch(
            s ->
                line >= s.startLine()
                    && line <= s.endLine()
                    && (s.ruleIds().contains(ruleId)
                        || s.ruleIds().contains(SuppressionScanner.ALL_RULES)));
  }

  static List<Fixture> fixtures(List<String> dirs) {
    return fixtures(dirs, Fixture.View.SOURCE);
  }

  /** Every fixture under {@code dirs}, read as {@code view} sees it. */
  public static List<Fixture> fixtures(List<String> dirs, Fixture.View view) {
    List<Fixture> out = new ArrayList<>();
    for (String dir : dirs) {
      Path root = resource(dir);
      if (root == null) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
          out.add(
              Fixture.read(
                  file, dir + "/" + root.relativize(file).toString().replace('\\', '/'), view));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  public static Path resource(String dir) {
    var url = JavaFixtureTest.class.getClassLoader().getResource(dir);
    if (url == null) {
      return null;
    }
    try {
      return Path.of(url.toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
