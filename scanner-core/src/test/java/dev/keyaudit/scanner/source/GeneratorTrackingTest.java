package dev.keyaudit.scanner.source;

import static dev.keyaudit.scanner.source.SourceScan.facts;
import static dev.keyaudit.scanner.source.SourceScan.inClass;
import static dev.keyaudit.scanner.source.SourceScan.known;
import static dev.keyaudit.scanner.source.SourceScan.lineOf;
import static dev.keyaudit.scanner.source.SourceScan.scan;
import static dev.keyaudit.scanner.source.SourceScan.single;
import static dev.keyaudit.scanner.source.SourceScan.trace;
import static dev.keyaudit.scanner.source.SourceScan.unknownWhy;
import static dev.keyaudit.scanner.source.SourceScan.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which initialisation of a key (pair) generator reaches its use. */
class GeneratorTrackingTest {

  @Test
  void noInitBeforeGenerateIsTheJdkDefault() {
    String src =
        inClass(
            """
              Object aes() throws Exception { return KeyGenerator.getInstance("AES").generateKey(); }
              Object ec() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
                return kpg.generateKeyPair();
              }
            """);
    KeyGeneration aes17 = single(src, KeyGeneration.class);
    assertThat(aes17.keySize())
        .isEqualTo(Value.providerDefault(128, "no init() call: JDK 17 provider default"));
    assertThat(aes17.rng()).isEqualTo(RngSpec.notSpecified());
    KeyPairGeneration ec17 = single(src, KeyPairGeneration.class);
    assertThat(ec17.keySize()).isInstanceOf(Value.Default.class);
    assertThat(ec17.curve())
        .isEqualTo(
            Value.providerDefault("secp256r1", "no initialize() call: JDK 17 provider default"));

    KeyGeneration aes21 = facts(scan(src, 21), KeyGeneration.class).get(0);
    assertThat(((Value.Default<Integer>) aes21.keySize()).value()).isEqualTo(256);
    KeyPairGeneration ec21 = facts(scan(src, 21), KeyPairGeneration.class).get(0);
    assertThat(((Value.Default<String>) ec21.curve()).value()).isEqualTo("secp384r1");
  }

  @Test
  void bouncyCastleProviderHasItsOwnDefaults() {
    String src =
        inClass(
            """
              Object ec() throws Exception {
                return KeyPairGenerator.getInstance("EC", "BC").generateKeyPair();
              }
            """);
    KeyPairGeneration fact = single(src, KeyPairGeneration.class);
    assertThat(((Value.Default<String>) fact.curve()).value()).isEqualTo("prime239v1");
  }

  @Test
  void createdButNotUsedHereIsInitialisedElsewhere() {
    String src =
        inClass(
            """
              KeyPairGenerator create() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                return kpg;
              }
            """);
    KeyPairGeneration fact = single(src, KeyPairGeneration.class);
    assertThat(unknownWhy(fact.keySize())).isEqualTo("initialised elsewhere");
    assertThat(fact.rng().specified()).as("no KA205 for what was not seen").isTrue();
  }

  @Test
  void initialisedButUsedElsewhereKeepsTheInit() {
    String src =
        inClass(
            """
              KeyPairGenerator create() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(3072);
                return kpg;
              }
            """);
    assertThat(known(single(src, KeyPairGeneration.class).keySize())).isEqualTo(3072);
  }

  @Test
  void passedToUnknownCodeBeforeUseIsUnknown() {
    String src =
        inClass(
            """
              Object g() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                configure(kpg);
                return kpg.generateKeyPair();
              }
              void configure(KeyPairGenerator kpg) { }
            """);
    assertThat(unknownWhy(single(src, KeyPairGeneration.class).keySize()))
        .isEqualTo("passed to configure() before use");
  }

  @Test
  void onlyTheLastInitOnEveryPathCounts() {
    String src =
        inClass(
            """
              Object g(boolean big) throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(1024);
                if (big) { kpg.initialize(4096); } else { kpg.initialize(3072); }
                return kpg.generateKeyPair();
              }
            """);
    assertThat(values(single(src, KeyPairGeneration.class).keySize()))
        .containsExactlyInAnyOrder(4096, 3072);
  }

  @Test
  void aPathWithoutInitAddsTheDefaultAtTheGenerateCall() {
    String src =
        inClass(
            """
              Object g(boolean sized) throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                if (sized) { kpg.initialize(1024); }
                return kpg.generateKeyPair();
              }
            """);
    KeyPairGeneration fact = single(src, KeyPairGeneration.class);
    assertThat(values(fact.keySize())).containsExactlyInAnyOrder(1024, 2048);
    Value.Known<Integer> defaultBranch =
        fact.keySize().candidates().stream()
            .filter(k -> k.value() == 2048)
            .findFirst()
            .orElseThrow();
    assertThat(defaultBranch.trace().get(0).location().startLine())
        .isEqualTo(lineOf(src, "generateKeyPair"));
  }

  @Test
  void parameterSpecsGiveSizesAndCurves() {
    String src =
        inClass(
            """
              private static final String CURVE = "secp256k1";
              Object ec() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
                ECGenParameterSpec spec = new ECGenParameterSpec(CURVE);
                kpg.initialize(spec);
                return kpg.generateKeyPair();
              }
              Object rsa() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(new RSAKeyGenParameterSpec(1024, RSAKeyGenParameterSpec.F4));
                return kpg.generateKeyPair();
              }
              Object xdh() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("XDH");
                kpg.initialize(NamedParameterSpec.X448);
                return kpg.generateKeyPair();
              }
              Object dh() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("DH");
                kpg.initialize(new DHParameterSpec(BigInteger.ONE.shiftLeft(2047), BigInteger.TWO));
                return kpg.generateKeyPair();
              }
            """);
    List<KeyPairGeneration> facts = facts(scan(src), KeyPairGeneration.class);
    KeyPairGeneration ec = facts.get(0);
    assertThat(known(ec.curve())).isEqualTo("secp256k1");
    assertThat(trace(ec.curve()).get(trace(ec.curve()).size() - 1).location().startLine())
        .isEqualTo(lineOf(src, "kpg.initialize(spec)"));
    assertThat(known(facts.get(1).keySize())).isEqualTo(1024);
    assertThat(known(facts.get(2).curve())).isEqualTo("X448");
    assertThat(facts.get(3).keySize()).isInstanceOf(Value.Unknown.class);
  }

  @Test
  void dhPrimeSizeFromABigIntegerLiteral() {
    String src =
        inClass(
            """
              Object dh() throws Exception {
                BigInteger p = new BigInteger("ffffffffffffffffffffffffffffffff", 16);
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("DH");
                kpg.initialize(new DHParameterSpec(p, BigInteger.TWO));
                return kpg.generateKeyPair();
              }
            """);
    assertThat(known(single(src, KeyPairGeneration.class).keySize())).isEqualTo(128);
  }

  @Test
  void theSecureRandomPassedToInitIsResolvedWhereItWasCreated() {
    String src =
        inClass(
            """
              private final SecureRandom fieldRng = new SecureRandom();
              Object local() throws Exception {
                SecureRandom drbg = SecureRandom.getInstance("DRBG",
                    DrbgParameters.instantiation(256, DrbgParameters.Capability.PR_AND_RESEED, null));
                KeyGenerator kg = KeyGenerator.getInstance("AES");
                kg.init(256, drbg);
                return kg.generateKey();
              }
              Object field() throws Exception {
                KeyGenerator kg = KeyGenerator.getInstance("AES");
                kg.init(256, fieldRng);
                return kg.generateKey();
              }
              Object onlyRng() throws Exception {
                KeyGenerator kg = KeyGenerator.getInstance("HmacSHA256");
                kg.init(SecureRandom.getInstance("SHA1PRNG"));
                return kg.generateKey();
              }
              Object parameter(SecureRandom rng) throws Exception {
                KeyGenerator kg = KeyGenerator.getInstance("AES");
                kg.init(256, rng);
                return kg.generateKey();
              }
            """);
    List<KeyGeneration> facts = facts(scan(src), KeyGeneration.class);
    RngSpec local = facts.get(0).rng();
    assertThat(local.specified()).isTrue();
    assertThat(known(local.algorithm())).isEqualTo("DRBG");
    assertThat(known(local.drbgStrength())).isEqualTo(256);
    assertThat(known(local.drbgCapability())).isEqualTo("PR_AND_RESEED");
    assertThat(trace(local.drbgStrength()).get(trace(local.drbgStrength()).size() - 1).message())
        .isEqualTo("SecureRandom passed to KeyGenerator.init");
    RngSpec field = facts.get(1).rng();
    assertThat(field.algorithm()).isInstanceOf(Value.Default.class);
    KeyGeneration onlyRng = facts.get(2);
    assertThat(known(onlyRng.rng().algorithm())).isEqualTo("SHA1PRNG");
    assertThat(onlyRng.keySize())
        .as("init(rng) leaves the default size")
        .isEqualTo(
            Value.providerDefault(256, "init() without a key size: JDK 17 provider default"));
    assertThat(unknownWhy(facts.get(3).rng().algorithm()))
        .isEqualTo("parameter rng of Keys.parameter(SecureRandom)");
  }

  @Test
  void generatorInAFieldUsesInitsFromOtherMethods() {
    String src =
        inClass(
            """
              private final KeyPairGenerator rsa;
              private KeyPairGenerator lazy;
              Keys() throws Exception { rsa = KeyPairGenerator.getInstance("RSA"); }
              void setUp() { rsa.initialize(1024); }
              Object pair() { return rsa.generateKeyPair(); }
              Object lazyPair() throws Exception {
                if (lazy == null) { lazy = KeyPairGenerator.getInstance("RSA"); }
                return lazy.generateKeyPair();
              }
            """);
    List<KeyPairGeneration> facts = facts(scan(src), KeyPairGeneration.class);
    assertThat(known(facts.get(0).keySize())).isEqualTo(1024);
    assertThat(facts.get(1).keySize()).isInstanceOf(Value.Default.class);
  }

  @Test
  void everyGetInstanceIsOneFact() {
    String src =
        inClass(
            """
              Object g() throws Exception {
                KeyPairGenerator a = KeyPairGenerator.getInstance("RSA");
                KeyPairGenerator b = KeyPairGenerator.getInstance("EC");
                a.initialize(2048);
                b.initialize(256);
                Runnable later = () -> a.genKeyPair();
                return b.generateKeyPair();
              }
            """);
    List<KeyPairGeneration> facts = facts(scan(src), KeyPairGeneration.class);
    assertThat(facts).extracting(f -> known(f.algorithm())).containsExactly("RSA", "EC");
    assertThat(facts).extracting(f -> known(f.keySize())).containsExactly(2048, 256);
  }
}
