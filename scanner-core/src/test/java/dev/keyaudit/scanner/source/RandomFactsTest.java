package dev.keyaudit.scanner.source;

import static dev.keyaudit.scanner.source.SourceScan.facts;
import static dev.keyaudit.scanner.source.SourceScan.inClass;
import static dev.keyaudit.scanner.source.SourceScan.known;
import static dev.keyaudit.scanner.source.SourceScan.lineOf;
import static dev.keyaudit.scanner.source.SourceScan.scan;
import static dev.keyaudit.scanner.source.SourceScan.single;
import static dev.keyaudit.scanner.source.SourceScan.unknownWhy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.facts.SecureRandomCreation;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SecureRandom creation, seeding, and where non-cryptographic random output ends up. */
class RandomFactsTest {

  @Test
  void secureRandomCreations() {
    String src =
        inClass(
            """
              void all() throws Exception {
                new SecureRandom();
                SecureRandom.getInstance("SHA1PRNG");
                SecureRandom.getInstance("DRBG");
                SecureRandom.getInstance("DRBG",
                    DrbgParameters.instantiation(192, DrbgParameters.Capability.RESEED_ONLY, null), "SUN");
                SecureRandom.getInstanceStrong();
                SecureRandom.getInstance("NativePRNG", "SUN");
              }
            """);
    List<SecureRandomCreation> facts = facts(scan(src), SecureRandomCreation.class);
    assertThat(facts)
        .extracting(SecureRandomCreation::api)
        .containsExactly(
            "new SecureRandom()",
            "SecureRandom.getInstance",
            "SecureRandom.getInstance",
            "SecureRandom.getInstance",
            "SecureRandom.getInstanceStrong",
            "SecureRandom.getInstance");
    assertThat(facts.get(0).algorithm()).isInstanceOf(Value.Default.class);
    assertThat(facts.get(0).drbgStrength()).isNull();
    assertThat(known(facts.get(1).algorithm())).isEqualTo("SHA1PRNG");
    assertThat(facts.get(1).drbgStrength()).isNull();
    assertThat(facts.get(2).drbgStrength()).isInstanceOf(Value.Default.class);
    assertThat(((Value.Default<Integer>) facts.get(2).drbgStrength()).value()).isEqualTo(128);
    assertThat(known(facts.get(3).drbgStrength())).isEqualTo(192);
    assertThat(known(facts.get(3).drbgCapability())).isEqualTo("RESEED_ONLY");
    assertThat(facts.get(4).algorithm()).isInstanceOf(Value.Default.class);
    assertThat(known(facts.get(5).algorithm())).isEqualTo("NativePRNG");
  }

  @Test
  void drbgParametersFromALocalAndStaticImports() {
    String src =
        """
        import static java.security.DrbgParameters.Capability.PR_AND_RESEED;
        import java.security.*;
        class A {
          SecureRandom r() throws Exception {
            DrbgParameters.Instantiation params = DrbgParameters.instantiation(256, PR_AND_RESEED, null);
            return SecureRandom.getInstance("DRBG", params);
          }
        }
        """;
    SecureRandomCreation fact = single(src, SecureRandomCreation.class);
    assertThat(known(fact.drbgStrength())).isEqualTo(256);
    assertThat(known(fact.drbgCapability())).isEqualTo("PR_AND_RESEED");
  }

  @Test
  void seedsConstantOrClock() {
    String src =
        inClass(
            """
              private static final long SEED = 42L;
              void all() throws Exception {
                new Random(SEED);
                new Random(System.currentTimeMillis());
                new SecureRandom("fixed".getBytes());
                SecureRandom sha = SecureRandom.getInstance("SHA1PRNG");
                sha.setSeed(new Date().getTime() ^ 17);
                SecureRandom drbg = SecureRandom.getInstance("DRBG");
                drbg.setSeed(drbg.generateSeed(16));
                new SplittableRandom(System.nanoTime());
              }
            """);
    List<RngSeeding> facts = facts(scan(src), RngSeeding.class);
    assertThat(facts)
        .extracting(RngSeeding::rngType)
        .containsExactly(
            "java.util.Random",
            "java.util.Random",
            "SecureRandom",
            "SHA1PRNG",
            "DRBG",
            "java.util.SplittableRandom");
    assertThat(facts)
        .extracting(RngSeeding::api)
        .containsExactly(
            "new Random(long)",
            "new Random(long)",
            "new SecureRandom(byte[])",
            "setSeed",
            "setSeed",
            "new SplittableRandom(long)");
    assertThat(known(facts.get(0).seed())).isEqualTo(SeedSource.CONSTANT);
    assertThat(known(facts.get(1).seed())).isEqualTo(SeedSource.CLOCK);
    assertThat(known(facts.get(2).seed())).isEqualTo(SeedSource.CONSTANT);
    assertThat(known(facts.get(3).seed())).isEqualTo(SeedSource.CLOCK);
    assertThat(unknownWhy(facts.get(4).seed())).isEqualTo("random value from generateSeed()");
    assertThat(known(facts.get(5).seed())).isEqualTo(SeedSource.CLOCK);
  }

  @Test
  void seedingBeforeOrAfterTheFirstDraw() {
    String src =
        inClass(
            """
              void first() throws Exception {
                SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
                r.setSeed(1L);
                r.nextInt();
              }
              void after() throws Exception {
                SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
                r.nextBytes(new byte[4]);
                r.setSeed(1L);
              }
              void onOnePath(boolean warm) throws Exception {
                SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
                if (warm) { r.nextInt(); }
                r.setSeed(1L);
              }
            """);
    assertThat(facts(scan(src), RngSeeding.class))
        .extracting(RngSeeding::beforeFirstUse)
        .containsExactly(true, false, true);
  }

  @Test
  void seedingAnInjectedSecureRandomIsStillReported() {
    String src =
        inClass(
            """
              private final SecureRandom rng;
              Keys(SecureRandom rng) { this.rng = rng; }
              void reseed() { rng.setSeed(42L); }
              void param(Random r) { r.setSeed(7L); }
            """);
    assertThat(facts(scan(src), RngSeeding.class))
        .extracting(RngSeeding::rngType)
        .containsExactly("SecureRandom", "java.util.Random");
  }

  private static RandomSink sinkOf(String body) {
    return single(inClass(body), NonCryptoRandomUse.class).sink();
  }

  @Test
  void sinksThroughApiArguments() {
    assertThat(
            sinkOf(
                """
                  Object k() { Random r = new Random(); byte[] b = new byte[16]; r.nextBytes(b); return new SecretKeySpec(b, "AES"); }
                """))
        .isEqualTo(RandomSink.KEY_MATERIAL);
    assertThat(
            sinkOf(
                """
                  Object k() { byte[] b = new byte[12]; new Random().nextBytes(b); return new GCMParameterSpec(128, b); }
                """))
        .isEqualTo(RandomSink.IV);
    assertThat(
            sinkOf(
                """
                  Object k(char[] pw) { byte[] b = new byte[16]; new Random().nextBytes(b); return new PBEKeySpec(pw, b, 310000, 256); }
                """))
        .isEqualTo(RandomSink.SALT);
    assertThat(
            sinkOf(
                """
                  void k(SecureRandom s) { s.setSeed(new Random().nextLong()); }
                """))
        .isEqualTo(RandomSink.SEED);
    assertThat(
            sinkOf(
                """
                  Object k() { char[] pw = new char[8]; for (int i = 0; i < 8; i++) { pw[i] = (char) ('a' + new Random().nextInt(26)); } return new PBEKeySpec(pw); }
                """))
        .isEqualTo(RandomSink.PASSWORD);
  }

  @Test
  void sinksThroughNames() {
    assertThat(
            sinkOf(
                """
                  String t() { String sessionId = Long.toHexString(new Random().nextLong()); return sessionId; }
                """))
        .isEqualTo(RandomSink.TOKEN);
    assertThat(
            sinkOf(
                """
                  private byte[] iv;
                  void t() { iv = new byte[16]; new Random().nextBytes(iv); }
                """))
        .isEqualTo(RandomSink.IV);
    assertThat(
            sinkOf(
                """
                  String generatePassword() { StringBuilder sb = new StringBuilder(); sb.append(Math.random()); return sb.toString(); }
                """))
        .isEqualTo(RandomSink.PASSWORD);
    assertThat(
            sinkOf(
                """
                  void t(Map<String, Object> m) { int otpCode = java.util.concurrent.ThreadLocalRandom.current().nextInt(1000000); m.put("x", otpCode); }
                """))
        .isEqualTo(RandomSink.TOKEN);
    assertThat(
            sinkOf(
                """
                  void t(Object user) { setSalt(user, new Random().nextLong()); }
                  void setSalt(Object user, long salt) { }
                """))
        .isEqualTo(RandomSink.SALT);
  }

  @Test
  void harmlessUseIsOther() {
    assertThat(
            sinkOf(
                """
                  int keySize() { int keySize = new Random().nextInt(3); return keySize; }
                """))
        .isEqualTo(RandomSink.OTHER);
    assertThat(
            sinkOf(
                """
                  void shuffle(List<String> l) { Collections.shuffle(l, new Random()); }
                """))
        .isEqualTo(RandomSink.OTHER);
  }

  @Test
  void theMostSensitiveSinkWinsAndTheFlowExplainsIt() {
    String src =
        inClass(
            """
              private static final Random RANDOM = new Random();
              int dice() { return RANDOM.nextInt(6); }
              Object key() {
                byte[] key = new byte[16];
                RANDOM.nextBytes(key);
                return new SecretKeySpec(key, "AES");
              }
            """);
    NonCryptoRandomUse fact = single(src, NonCryptoRandomUse.class);
    assertThat(fact.api()).isEqualTo("java.util.Random");
    assertThat(fact.sink()).isEqualTo(RandomSink.KEY_MATERIAL);
    assertThat(fact.location().startLine()).isEqualTo(lineOf(src, "new Random()"));
    assertThat(fact.flow())
        .extracting(TraceStep::message)
        .containsExactly(
            "java.util.Random created",
            "nextBytes()",
            "local key",
            "key material passed to new SecretKeySpec");
    assertThat(fact.flow().get(fact.flow().size() - 1).location().startLine())
        .isEqualTo(lineOf(src, "new SecretKeySpec"));
  }

  @Test
  void everyNonCryptoSourceIsAFact() {
    String src =
        """
        import java.util.*;
        import java.util.concurrent.ThreadLocalRandom;
        import org.apache.commons.lang3.RandomStringUtils;
        import org.apache.commons.lang3.RandomUtils;
        class A {
          void all() {
            new Random();
            new SplittableRandom();
            ThreadLocalRandom.current().nextInt();
            Math.random();
            RandomStringUtils.randomAlphanumeric(8);
            RandomUtils.nextBytes(8);
            RandomStringUtils.insecure().nextAlphabetic(4);
            RandomStringUtils.secure().nextAlphabetic(4);
          }
        }
        """;
    assertThat(facts(scan(src), NonCryptoRandomUse.class))
        .extracting(NonCryptoRandomUse::api)
        .containsExactly(
            "java.util.Random",
            "java.util.SplittableRandom",
            "java.util.concurrent.ThreadLocalRandom",
            "Math.random()",
            "org.apache.commons.lang3.RandomStringUtils.randomAlphanumeric",
            "org.apache.commons.lang3.RandomUtils.nextBytes",
            "org.apache.commons.lang3.RandomStringUtils.insecure()");
  }

  @Test
  void aSecureRandomInARandomVariableIsNotNonCrypto() {
    String src =
        inClass(
            """
              Object k() { Random r = new SecureRandom(); byte[] b = new byte[16]; r.nextBytes(b); return new SecretKeySpec(b, "AES"); }
            """);
    assertThat(facts(scan(src), NonCryptoRandomUse.class)).isEmpty();
  }
}
