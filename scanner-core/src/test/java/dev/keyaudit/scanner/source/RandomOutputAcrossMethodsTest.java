package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.scanner.scan.ScanContext;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The severity of KA201 follows the sink a generator's output reaches, also when the draw, the
 * helper and the sink are in different methods and classes (fixture KA201 RandomAcrossMethods):
 * markers only tell the rule, so the sink of each fact is checked here ({@link
 * RandomSeverityCases}, shared with the bytecode test).
 */
class RandomOutputAcrossMethodsTest {

  @Test
  void sinksInOtherClassesDecideTheSeverity() {
    RandomSeverityCases.assertSinksAcrossClasses(uses());
  }

  @Test
  void theFlowRunsFromTheCreationToTheSinkInAnotherClass() {
    RandomSeverityCases.assertFlowToAnotherClass(uses());
  }

  private static List<NonCryptoRandomUse> uses() {
    Fixture any =
        JavaFixtureTest.fixtures(List.of(RandomSeverityCases.ACROSS_METHODS)).stream()
            .filter(f -> f.relativePath().endsWith("Secrets.java"))
            .findFirst()
            .orElseThrow();
    CollectingSink sink = new CollectingSink();
    new JavaSourceFrontend()
        .analyze(JavaFixtureTest.inputs(any), new ScanContext(any.targetJdk(), 2), sink);
    return sink.facts.stream()
        .filter(NonCryptoRandomUse.class::isInstance)
        .map(NonCryptoRandomUse.class::cast)
        .toList();
  }
}
