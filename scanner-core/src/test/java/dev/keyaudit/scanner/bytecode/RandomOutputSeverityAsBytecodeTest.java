package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.scanner.archive.ClassEntry;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import dev.keyaudit.scanner.source.CollectingSink;
import dev.keyaudit.scanner.source.Fixture;
import dev.keyaudit.scanner.source.JavaFixtureTest;
import dev.keyaudit.scanner.source.RandomSeverityCases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytecode counterpart of the source frontend's {@code RandomOutputAcrossMethodsTest} and
 * {@code DeterministicRngSeverityTest}: KA201, KA202 and KA203 take their severity from where a
 * generator's output ends up, across methods and classes, with the same results as for source
 * ({@link RandomSeverityCases}).
 */
class RandomOutputSeverityAsBytecodeTest {

  @TempDir Path dir;

  @Test
  void sinksInOtherClassesDecideTheSeverity() throws IOException {
    RandomSeverityCases.assertSinksAcrossClasses(fixtureUses());
  }

  @Test
  void theFlowRunsFromTheCreationToTheSinkInAnotherClass() throws IOException {
    RandomSeverityCases.assertFlowToAnotherClass(fixtureUses());
  }

  @Test
  void aSha1prngIsAnErrorWhereItsOutputIsSensitiveAndANoteElsewhere() throws IOException {
    RandomSeverityCases.assertSha1prngSeverities(scan(RandomSeverityCases.SHA1PRNG_USES));
  }

  @Test
  void aPredictableSeedIsAnErrorForKeysAndANoteForASimulation() throws IOException {
    RandomSeverityCases.assertSeedSeverities(scan(RandomSeverityCases.SEEDED_RANDOMS));
  }

  private List<Fact> scan(String source) throws IOException {
    return InMemoryJavac.bytecodeFacts(Files.writeString(dir.resolve("Keys.java"), source));
  }

  private static List<NonCryptoRandomUse> fixtureUses() throws IOException {
    Fixture any =
        JavaFixtureTest.fixtures(List.of(RandomSeverityCases.ACROSS_METHODS), Fixture.View.BYTECODE)
            .stream()
            .filter(f -> f.relativePath().endsWith("Secrets.java"))
            .findFirst()
            .orElseThrow();
    List<InputFile> inputs = JavaFixtureTest.inputs(any);
    List<ClassEntry> entries =
        BytecodeFixtureTest.entries(
            inputs, InMemoryJavac.compile(inputs.stream().map(InputFile::path).toList(), 17));
    CollectingSink sink = new CollectingSink();
    new BytecodeFrontend()
        .analyze(entries, ConfigIndex.load(inputs), new ScanContext(any.targetJdk(), 2), sink);
    return sink.facts.stream()
        .filter(NonCryptoRandomUse.class::isInstance)
        .map(NonCryptoRandomUse.class::cast)
        .toList();
  }
}
