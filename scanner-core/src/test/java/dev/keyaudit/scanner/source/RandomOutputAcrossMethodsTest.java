package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.scan.ScanContext;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The severity of KA201 follows the sink a generator's output reaches, also when the draw, the
 * helper and the sink are in different methods and classes (fixture KA201 RandomAcrossMethods):
 * markers only tell the rule, so the sink of each fact is checked here.
 */
class RandomOutputAcrossMethodsTest {

  private static final String DIR = "fixtures/java/KA201-NonCryptographicRng/RandomAcrossMethods";

  @Test
  void sinksInOtherClassesDecideTheSeverity() {
    List<NonCryptoRandomUse> uses = uses();
    Map<Integer, RandomSink> byLine = new TreeMap<>();
    for (NonCryptoRandomUse u : uses) {
      byLine.put(
          u.location().startLine() * (u.location().path().endsWith("TokenSource.java") ? -1 : 1),
          u.sink());
    }
    // WeakRandoms.RANDOM (line 13): key material beats the IV; SHUFFLER (line 14): only a shuffle.
    assertThat(byLine)
        .containsEntry(13, RandomSink.KEY_MATERIAL)
        .containsEntry(14, RandomSink.OTHER)
        .containsEntry(-8, RandomSink.TOKEN);
  }

  @Test
  void theFlowRunsFromTheCreationToTheSinkInAnotherClass() {
    NonCryptoRandomUse random =
        uses().stream().filter(u -> u.sink() == RandomSink.KEY_MATERIAL).findFirst().orElseThrow();
    List<String> steps = random.flow().stream().map(TraceStep::message).toList();
    assertThat(steps.get(0)).contains("created");
    assertThat(steps).anyMatch(s -> s.contains("nextBytes"));
    assertThat(steps).anyMatch(s -> s.contains("returned by bytes()"));
    TraceStep last = random.flow().get(random.flow().size() - 1);
    assertThat(last.location().path()).endsWith("Secrets.java");
    assertThat(last.message()).contains("key material");
  }

  private static List<NonCryptoRandomUse> uses() {
    Fixture any =
        JavaFixtureTest.fixtures(List.of(DIR)).stream()
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
