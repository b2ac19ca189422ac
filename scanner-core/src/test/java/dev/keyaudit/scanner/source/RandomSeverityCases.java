package dev.keyaudit.scanner.source;

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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What both frontends must find about where random output goes, and the severity that follows:
 * programs and expectations shared by the source tests and their bytecode counterparts.
 */
public final class RandomSeverityCases {

  private RandomSeverityCases() {}

  /** The KA201 fixture whose generators' output is used in other classes. */
  public static final String ACROSS_METHODS =
      "fixtures/java/KA201-NonCryptographicRng/RandomAcrossMethods";

  /** SHA1PRNGs feeding a key generator, an IV and a dice roll (file {@code Keys.java}). */
  public static final String SHA1PRNG_USES =
      SourceScan.inClass(
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

  /** Seeded generators: one makes a key, the other a simulation (file {@code Keys.java}). */
  public static final String SEEDED_RANDOMS =
      SourceScan.inClass(
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

  private static final PolicyEvaluator EVALUATOR =
      new PolicyEvaluator(Policies.load("nist-800-131a"));

  /** KA202 of {@link #SHA1PRNG_USES}: legacy() 12 and bytes() 17 are errors, dice() 32 a note. */
  public static void assertSha1prngSeverities(List<Fact> facts) {
    assertThat(severities(facts, SecureRandomCreation.class, "KA202"))
        .containsEntry(12, Severity.ERROR)
        .containsEntry(17, Severity.ERROR)
        .containsEntry(32, Severity.NOTE);
  }

  /**
   * KA203 of {@link #SEEDED_RANDOMS}: the key's generator (12) an error, the simulation's a note.
   */
  public static void assertSeedSeverities(List<Fact> facts) {
    assertThat(severities(facts, RngSeeding.class, "KA203"))
        .containsEntry(12, Severity.ERROR)
        .containsEntry(23, Severity.NOTE);
  }

  /**
   * The sinks of {@link #ACROSS_METHODS}: WeakRandoms.RANDOM (13) reaches key material (beating the
   * IV), SHUFFLER (14) only a shuffle, TokenSource's generator (8) a session token.
   */
  public static void assertSinksAcrossClasses(List<NonCryptoRandomUse> uses) {
    Map<Integer, RandomSink> byLine = new TreeMap<>();
    for (NonCryptoRandomUse u : uses) {
      boolean tokens = u.location().path().endsWith("TokenSource.java");
      byLine.put(u.location().startLine() * (tokens ? -1 : 1), u.sink());
    }
    assertThat(byLine)
        .containsEntry(13, RandomSink.KEY_MATERIAL)
        .containsEntry(14, RandomSink.OTHER)
        .containsEntry(-8, RandomSink.TOKEN);
  }

  /** The key material's flow runs from the creation through the helper to Secrets. */
  public static void assertFlowToAnotherClass(List<NonCryptoRandomUse> uses) {
    NonCryptoRandomUse random =
        uses.stream().filter(u -> u.sink() == RandomSink.KEY_MATERIAL).findFirst().orElseThrow();
    List<String> steps = random.flow().stream().map(TraceStep::message).toList();
    assertThat(steps.get(0)).contains("created");
    assertThat(steps).anyMatch(s -> s.contains("nextBytes"));
    assertThat(steps).anyMatch(s -> s.contains("returned by bytes()"));
    TraceStep last = random.flow().get(random.flow().size() - 1);
    assertThat(last.location().path()).endsWith("Secrets.java");
    assertThat(last.message()).contains("key material");
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
}
