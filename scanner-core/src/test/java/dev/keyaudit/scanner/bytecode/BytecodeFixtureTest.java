package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.scanner.archive.ClassEntry;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import dev.keyaudit.scanner.source.CollectingSink;
import dev.keyaudit.scanner.source.Fixture;
import dev.keyaudit.scanner.source.JavaFixtureTest;
import dev.keyaudit.scanner.source.JavaSourceFrontend;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The source frontend's Java fixtures, compiled in memory with {@code -g} and scanned as bytecode:
 * every (rule, line) must match the fixture's markers exactly as for source, in both directions.
 * Markers qualified {@code [source]} / {@code [bytecode]} state where the two cannot agree. A
 * project fixture ({@code project=dir}) is scanned with every class and configuration file of its
 * directory, as one project of the shared engine. Runs for class files of release 17 and, on a
 * newer JDK, of that JDK's release too.
 */
class BytecodeFixtureTest {

  private static final String FIXTURES = "fixtures/java";

  private static final Map<String, PolicyEvaluator> EVALUATORS = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicNode> fixturesAsBytecode() throws IOException {
    List<Fixture> fixtures =
        JavaFixtureTest.fixtures(List.of(FIXTURES), Fixture.View.BYTECODE).stream()
            .filter(f -> !f.relativePath().startsWith(FIXTURES + "/support/"))
            .toList();
    List<DynamicNode> releases = new ArrayList<>();
    for (int release : releases()) {
      Map<Path, Map<String, byte[]>> classes = InMemoryJavac.compile(sources(), release);
      releases.add(
          DynamicContainer.dynamicContainer(
              "release " + release,
              fixtures.stream()
                  .map(
                      f ->
                          DynamicTest.dynamicTest(
                              f.relativePath(), f.file().toUri(), () -> check(f, classes)))));
    }
    return releases.stream();
  }

  /**
   * The class files of {@code inputs}, each named by its source file: findings map back to the
   * sources, as when a scanned folder holds the sources too.
   */
  static List<ClassEntry> entries(List<InputFile> inputs, Map<Path, Map<String, byte[]>> compiled) {
    List<ClassEntry> entries = new ArrayList<>();
    for (InputFile in : inputs) {
      compiled
          .getOrDefault(in.path(), Map.of())
          .values()
          .forEach(bytes -> entries.add(new ClassEntry(in.relativePath(), bytes, null)));
    }
    return entries;
  }

  static List<Integer> releases() {
    int running = Runtime.version().feature();
    return running > 17 ? List.of(17, running) : List.of(17);
  }

  private static List<Path> sources() {
    try (Stream<Path> files = Files.walk(JavaFixtureTest.resource(FIXTURES))) {
      return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(Fixture fixture, Map<Path, Map<String, byte[]>> compiled) {
    assertThat(compiled.getOrDefault(fixture.file(), Map.of()))
        .as("javac output for " + fixture.relativePath())
        .isNotEmpty();
    List<InputFile> inputs = JavaFixtureTest.inputs(fixture);
    List<ClassEntry> entries = entries(inputs, compiled);
    CollectingSink sink = new CollectingSink();
    new BytecodeFrontend()
        .analyze(entries, ConfigIndex.load(inputs), new ScanContext(fixture.targetJdk(), 2), sink);
    assertThat(sink.notifications).as("notifications").isEmpty();
    List<dev.keyaudit.scanner.finding.Suppression> waivers = waivers(fixture);
    PolicyEvaluator evaluator =
        EVALUATORS.computeIfAbsent(fixture.policy(), id -> new PolicyEvaluator(Policies.load(id)));
    Map<Integer, Set<String>> found = new TreeMap<>();
    List<String> details = new ArrayList<>();
    for (Fact fact : sink.facts) {
      for (Violation v : evaluator.evaluate(fact).violations()) {
        if (!v.location().path().equals(fixture.relativePath())) {
          continue; // another file of a project fixture: checked as its own fixture
        }
        int line = JavaFixtureTest.markerLine(fixture, v);
        if (!fixture.inScope(v.ruleId()) || JavaFixtureTest.waived(waivers, v.ruleId(), line)) {
          continue;
        }
        found.computeIfAbsent(line, k -> new TreeSet<>()).add(v.ruleId());
        details.add("  " + v.ruleId() + " line " + line + ": " + v.message());
      }
    }
    List<String> problems = JavaFixtureTest.compare(fixture, found);
    assertThat(problems)
        .as(
            "%s as bytecode%nviolations:%n%s%nfacts:%n%s",
            fixture.relativePath(),
            String.join("\n", details),
            String.join("\n", sink.facts.stream().map(f -> "  " + f).toList()))
        .isEmpty();
  }

  /** The fixture's waiver comments: they live in the source file the findings map back to. */
  private static List<dev.keyaudit.scanner.finding.Suppression> waivers(Fixture fixture) {
    CollectingSink source = new CollectingSink();
    new JavaSourceFrontend()
        .analyze(
            List.of(new InputFile(fixture.file(), fixture.relativePath())),
            new ScanContext(fixture.targetJdk(), 1),
            source);
    return source.suppressions;
  }
}
