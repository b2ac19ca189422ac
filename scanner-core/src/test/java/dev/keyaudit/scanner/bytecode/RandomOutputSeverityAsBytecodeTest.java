package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.facts.SecureRandomCreation;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.scanner.archive.ClassEntry;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import dev.keyaudit.scanner.source.CollectingSink;
import dev.keyaudit.scanner.source.Fixture;
import dev.keyaudit.scanner.source.JavaFixtureTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bytecode counterpart of the source frontend's {@code RandomOutputAcrossMethodsTest} and
 * {@code DeterministicRngSeverityTest}: KA201, KA202 and KA203 take their severity from where a
 * generator's output ends up, across methods and classes, with the same results as for source.
 */
class RandomOutputSeverityAsBytecodeTest {

  private static final String DIR = "fixtures/java/KA201-NonCryptographicRng/RandomAcrossMethods";

  private static final PolicyEvaluator EVALUATOR =
      new PolicyEvaluator(Policies.load("nist-800-131a"));

  @TempDir Path dir;

  @Test
  void sinksInOtherClassesDecideTheSeverity() throws IOException {
    Map<Integer, RandomSink> byLine = new TreeMap<>();
    for (NonCryptoRandomUse u : fixtureUses()) {
      byLine.put(
          u.location().startLine() * (u.location().path().endsWith("TokenSource.java") ? -1 : 1),
          u.sink());
    }
    // As for source: WeakRandoms.RANDOM (13) reaches key material, SHUFFLER (14) only a shuffle.
    assertThat(byLine)
        .containsEntry(13, RandomSink.KEY_MATERIAL)
        .containsEntry(14, RandomSink.OTHER)
        .containsEntry(-8, RandomSink.TOKEN);
  }

  @Test
  void theFlowRunsFromTheCreationToTheSinkInAnotherClass() throws IOException {
    NonCryptoRandomUse random =
        fixtureUses().stream()
            .filter(u -> u.sink() == RandomSink.KEY_MATERIAL)
            .findFirst()
            .orElseThrow();
    List<String> steps = random.flow().stream().map(TraceStep::message).toList();
    assertThat(steps.get(0)).contains("created");
    assertThat(steps).anyMatch(s -> s.contains("nextBytes"));
    assertThat(steps).anyMatch(s -> s.contains("returned by bytes()"));
    TraceStep last = random.flow().get(random.flow().size() - 1);
    assertThat(last.location().path()).endsWith("Secrets.java");
    assertThat(last.message()).contains("key material");
  }

  @Test
  void aSha1prngIsAnErrorWhereItsOutputIsSensitiveAndANoteElsewhere() throws IOException {
    String src =
        inClass(
            """
              static SecureRandom legacy() throws Exception {
                return SecureRandom.getInstance("SHA1PRNG");
              }

              static byte[] bytes(int n) throws Exception {
                byte[] out = new byte[n];
                SecureRandom.getInstance("SHA1PRNG").nextBytes(out);
                return out;
              }

              SecretKey key() throws Exception {
                KeyGenerator kg = KeyGenerator.getInstance("AES");
                kg.init(256, legacy());
                return kg.generateKey();
              }

              IvParameterSpec iv() throws Exception {
                return new IvParameterSpec(bytes(16));
              }

              int dice() throws Exception {
                SecureRandom rng = SecureRandom.getInstance("SHA1PRNG");
                return rng.nextInt(6);
              }
            """);
    Map<Integer, Severity> creations = severities(scan(src), SecureRandomCreation.class, "KA202");
    // Lines in the generated file, as in the source test: legacy() 12, bytes() 17, dice() 32.
    assertThat(creations)
        .containsEntry(12, Severity.ERROR)
        .containsEntry(17, Severity.ERROR)
        .containsEntry(32, Severity.NOTE);
  }

  @Test
  void aPredictableSeedIsAnErrorForKeysAndANoteForASimulation() throws IOException {
    String src =
        inClass(
            """
              static byte[] bytes(int n) {
                Random seeded = new Random(42);
                byte[] out = new byte[n];
                seeded.nextBytes(out);
                return out;
              }

              SecretKeySpec key() {
                return new SecretKeySpec(bytes(32), "AES");
              }

              double simulate() {
                Random replay = new Random(7);
                return replay.nextGaussian();
              }
            """);
    Map<Integer, Severity> seeds = severities(scan(src), RngSeeding.class, "KA203");
    // Lines in the generated file: the key's generator 12, the simulation's 23.
    assertThat(seeds).containsEntry(12, Severity.ERROR).containsEntry(23, Severity.NOTE);
  }

  /** The source tests' wrapper: a class body in a compilation unit with the usual imports. */
  private static String inClass(String body) {
    return """
        package com.acme;

        import java.math.BigInteger;
        import java.security.*;
        import java.security.spec.*;
        import java.util.*;
        import javax.crypto.*;
        import javax.crypto.spec.*;

        public class Keys {
        %s
        }
        """
        .formatted(body);
  }

  private List<Fact> scan(String source) throws IOException {
    Path file = Files.writeString(dir.resolve("Keys.java"), source);
    List<ClassEntry> entries = new ArrayList<>();
    InMemoryJavac.compile(List.of(file), 17)
        .get(file)
        .forEach((name, bytes) -> entries.add(new ClassEntry(name + ".class", bytes, null)));
    CollectingSink sink = new CollectingSink();
    new BytecodeFrontend()
        .analyze(entries, ConfigIndex.of(List.of()), new ScanContext(17, 2), sink);
    return sink.facts;
  }

  private static Map<Integer, Severity> severities(
      List<Fact> facts, Class<? extends Fact> type, String rule) {
    Map<Integer, Severity> out = new TreeMap<>();
    for (Fact f : facts) {
      if (type.isInstance(f)) {
        for (Violation v : EVALUATOR.evaluate(f).violations()) {
          if (v.ruleId().equals(rule)) {
            out.put(f.location().startLine(), v.severity());
          }
        }
      }
    }
    return out;
  }

  private static List<NonCryptoRandomUse> fixtureUses() throws IOException {
    Fixture any =
        JavaFixtureTest.fixtures(List.of(DIR), Fixture.View.BYTECODE).stream()
            .filter(f -> f.relativePath().endsWith("Secrets.java"))
            .findFirst()
            .orElseThrow();
    List<InputFile> inputs = JavaFixtureTest.inputs(any);
    Map<Path, Map<String, byte[]>> compiled =
        InMemoryJavac.compile(inputs.stream().map(InputFile::path).toList(), 17);
    List<ClassEntry> entries = new ArrayList<>();
    for (InputFile in : inputs) {
      compiled
          .getOrDefault(in.path(), Map.of())
          .values()
          .forEach(bytes -> entries.add(new ClassEntry(in.relativePath(), bytes, null)));
    }
    CollectingSink sink = new CollectingSink();
    new BytecodeFrontend()
        .analyze(entries, ConfigIndex.load(inputs), new ScanContext(any.targetJdk(), 2), sink);
    return sink.facts.stream()
        .filter(NonCryptoRandomUse.class::isInstance)
        .map(NonCryptoRandomUse.class::cast)
        .toList();
  }
}
