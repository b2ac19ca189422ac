package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Properties every fact of every fixture keeps: a located fact; each resolved value's trace is
 * ordered origin to sink and ends at the API call that receives it; a secret is never kept whole.
 */
class FactInvariantsTest {

  @TestFactory
  Stream<DynamicTest> everyFixtureFact() {
    return JavaFixtureTest.fixtures(JavaFixtureTest.FIXTURE_DIRS).stream()
        .map(f -> DynamicTest.dynamicTest(f.relativePath(), () -> check(f)));
  }

  private static void check(Fixture fixture) throws Exception {
    CollectingSink sink = new CollectingSink();
    new JavaSourceFrontend()
        .analyze(
            List.of(new InputFile(fixture.file(), fixture.relativePath())),
            new ScanContext(fixture.targetJdk(), 1),
            sink);
    List<String> problems = new ArrayList<>();
    for (Fact fact : sink.facts) {
      if (!fact.location().hasLine() || !fact.location().path().equals(fixture.relativePath())) {
        problems.add("unlocated " + fact);
      }
      visit(fact, fact, problems);
    }
    assertThat(problems).isEmpty();
  }

  /** Walks record components recursively (facts, RngSpec, values) and checks what it finds. */
  private static void visit(Object o, Fact fact, List<String> problems) throws Exception {
    if (o == null) {
      return;
    }
    if (o instanceof Secret s) {
      boolean masked =
          s.maskedPreview().equals("****")
              || (s.maskedPreview().endsWith("…") && s.maskedPreview().length() <= 5);
      if (!masked) {
        problems.add("unmasked secret " + s + " in " + fact);
      }
      return;
    }
    if (o instanceof Value<?> v) {
      for (Value.Known<?> k : v.candidates()) {
        if (v instanceof Value.Default<?>) {
          continue; // a provider default has no trace: nothing was written
        }
        List<TraceStep> trace = k.trace();
        String last = trace.isEmpty() ? "" : trace.get(trace.size() - 1).message();
        if (!last.contains(" passed to ") && !last.endsWith(" on this path")) {
          problems.add("trace of " + k.value() + " does not end at the API call: " + trace);
        }
        visit(k.value(), fact, problems);
      }
      return;
    }
    if (o.getClass().isRecord() && o.getClass().getPackageName().startsWith("dev.keyaudit.rules")) {
      for (RecordComponent c : o.getClass().getRecordComponents()) {
        visit(c.getAccessor().invoke(o), fact, problems);
      }
    }
  }
}
