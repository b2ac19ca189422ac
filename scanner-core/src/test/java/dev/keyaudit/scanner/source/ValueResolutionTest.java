package dev.keyaudit.scanner.source;

import static dev.keyaudit.scanner.source.SourceScan.inClass;
import static dev.keyaudit.scanner.source.SourceScan.known;
import static dev.keyaudit.scanner.source.SourceScan.lineOf;
import static dev.keyaudit.scanner.source.SourceScan.single;
import static dev.keyaudit.scanner.source.SourceScan.trace;
import static dev.keyaudit.scanner.source.SourceScan.unknownWhy;
import static dev.keyaudit.scanner.source.SourceScan.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.AlgorithmUse;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.KeyPassword;
import dev.keyaudit.rules.facts.SecretKeyConstruction;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the intra-procedural resolution makes of the values reaching a crypto call. */
class ValueResolutionTest {

  private static KeyPairGeneration rsa(String body) {
    return single(inClass(body), KeyPairGeneration.class);
  }

  @Test
  void literalAtTheCallHasAOneStepTraceEndingAtTheCall() {
    String src =
        inClass(
            """
              Object g() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(1024);
                return kpg.generateKeyPair();
              }
            """);
    KeyPairGeneration fact = single(src, KeyPairGeneration.class);
    assertThat(known(fact.keySize())).isEqualTo(1024);
    List<TraceStep> trace = trace(fact.keySize());
    assertThat(trace).hasSize(1);
    assertThat(trace.get(0).location().startLine()).isEqualTo(lineOf(src, "initialize(1024)"));
    assertThat(trace.get(0).message()).isEqualTo("key size passed to KeyPairGenerator.initialize");
    assertThat(fact.location().startLine()).isEqualTo(lineOf(src, "getInstance"));
  }

  @Test
  void constantTraceGoesFromTheConstantToTheCall() {
    String src =
        inClass(
            """
              private static final int KEY_BITS = 1024;
              Object g() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(KEY_BITS);
                return kpg.generateKeyPair();
              }
            """);
    List<TraceStep> trace = trace(single(src, KeyPairGeneration.class).keySize());
    assertThat(trace)
        .extracting(TraceStep::message)
        .containsExactly(
            "constant KEY_BITS = 1024", "key size passed to KeyPairGenerator.initialize");
    assertThat(trace.get(0).location().startLine()).isEqualTo(lineOf(src, "KEY_BITS = 1024"));
    assertThat(trace.get(1).location().startLine()).isEqualTo(lineOf(src, "initialize(KEY_BITS)"));
    assertThat(trace.get(0).location().path()).isEqualTo(SourceScan.PATH);
  }

  @Test
  void constantsOfNestedClassesAndArithmetic() {
    KeyPairGeneration fact =
        rsa(
            """
              static class Sizes { static final int HALF = 512; static class Deep { static final int F = 2; } }
              Object g() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(Sizes.HALF * Keys.Sizes.Deep.F + (1 << 10) - 1024);
                return kpg.generateKeyPair();
              }
            """);
    assertThat(known(fact.keySize())).isEqualTo(1024);
  }

  @Test
  void straightLineReassignmentKeepsTheLastValue() {
    KeyPairGeneration fact =
        rsa(
            """
              Object g() throws Exception {
                int bits = 1024;
                int unused = bits;
                bits = 2048;
                bits += 1024;
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(bits);
                return kpg.generateKeyPair();
              }
            """);
    assertThat(known(fact.keySize())).isEqualTo(3072);
    assertThat(trace(fact.keySize()))
        .extracting(TraceStep::message)
        .containsExactly(
            "local bits = 2048",
            "local bits = 3072",
            "key size passed to KeyPairGenerator.initialize");
  }

  @Test
  void branchesGiveOneOf() {
    KeyPairGeneration fact =
        rsa(
            """
              Object g(boolean legacy, int level) throws Exception {
                int bits = 4096;
                if (legacy) { bits = 1024; } else if (level > 2) { bits = 8192; }
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(bits);
                return kpg.generateKeyPair();
              }
            """);
    assertThat(fact.keySize()).isInstanceOf(Value.OneOf.class);
    assertThat(values(fact.keySize())).containsExactlyInAnyOrder(1024, 8192, 4096);
  }

  @Test
  void ternaryAndSwitchExpression() {
    KeyPairGeneration ternary =
        rsa(
            """
              Object g(boolean fast) throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(fast ? 1024 : 3072);
                return kpg.generateKeyPair();
              }
            """);
    assertThat(values(ternary.keySize())).containsExactlyInAnyOrder(1024, 3072);
    KeyPairGeneration switched =
        rsa(
            """
              Object g(int level) throws Exception {
                int bits = switch (level) { case 0 -> 1024; case 1 -> { int b = 2048; yield b; } default -> 3072; };
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(bits);
                return kpg.generateKeyPair();
              }
            """);
    assertThat(values(switched.keySize())).containsExactlyInAnyOrder(1024, 2048, 3072);
  }

  @Test
  void aConstantConditionPicksItsBranchLikeJavac() {
    KeyPairGeneration fact =
        rsa(
            """
              private static final boolean LEGACY = false;
              Object g() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(LEGACY ? 1024 : 3072);
                return kpg.generateKeyPair();
              }
            """);
    assertThat(known(fact.keySize())).isEqualTo(3072);
  }

  @Test
  void anUnresolvedPathDoesNotHideAResolvedOne() {
    KeyPairGeneration fact =
        rsa(
            """
              Object g(Properties config) throws Exception {
                int bits = 1024;
                if (config.containsKey("bits")) { bits = Integer.parseInt(config.getProperty("bits")); }
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(bits);
                return kpg.generateKeyPair();
              }
            """);
    assertThat(known(fact.keySize())).isEqualTo(1024);
  }

  @Test
  void loopsMakeWhatTheyChangeUnknown() {
    KeyPairGeneration fact =
        rsa(
            """
              Object g() throws Exception {
                int bits = 512;
                for (int i = 0; i < 2; i++) { bits = bits * 2; }
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(bits);
                return kpg.generateKeyPair();
              }
            """);
    assertThat(unknownWhy(fact.keySize())).startsWith("changes in the loop at line");
  }

  @Test
  void unknownsSayPreciselyWhy() {
    String src =
        inClass(
            """
              private int configured = 2048;
              Object a(int keySize) throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(keySize);
                return kpg.generateKeyPair();
              }
              Object b() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(loadFromVault());
                return kpg.generateKeyPair();
              }
              Object c() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(configured);
                return kpg.generateKeyPair();
              }
              Object d() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(Integer.parseInt(System.getenv("BITS")));
                return kpg.generateKeyPair();
              }
              Object e() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(Settings.BITS);
                return kpg.generateKeyPair();
              }
              int loadFromVault() { return 0; }
            """);
    List<String> whys =
        SourceScan.facts(SourceScan.scan(src), KeyPairGeneration.class).stream()
            .map(f -> unknownWhy(f.keySize()))
            .toList();
    assertThat(whys)
        .containsExactly(
            "parameter keySize of Keys.a(int)",
            "call to loadFromVault()",
            "field Keys.configured is not final",
            "call to System.getenv()",
            "field Settings.BITS of another class");
  }

  @Test
  void stringConcatenationOfConstants() {
    String src =
        inClass(
            """
              private static final String FAMILY = "DES";
              Object c() throws Exception {
                String mode = "/CBC";
                return Cipher.getInstance(FAMILY + "ede" + mode + "/PKCS5Padding");
              }
            """);
    assertThat(known(single(src, AlgorithmUse.class).algorithm()))
        .isEqualTo("DESede/CBC/PKCS5Padding");
  }

  @Test
  void bytesFromStringsArraysAndBase64AreMaskedSecrets() {
    String src =
        inClass(
            """
              private static final byte[] RAW = {0x01, 0x02, (byte) 0xff, 4, 5, 6, 7, 8};
              Object a() { return new SecretKeySpec("0123456789abcdef".getBytes(), "AES"); }
              Object b() { return new SecretKeySpec(RAW, "HmacSHA256"); }
              Object c() { return new SecretKeySpec(Base64.getDecoder().decode("AAECAwQFBgcICQoLDA0ODw=="), "AES"); }
              Object d() { return new SecretKeySpec(new byte[] {9, 8, 7}, "AES"); }
              Object e() { return new SecretKeySpec(RAW, 2, 4, "AES"); }
            """);
    List<Secret> secrets =
        SourceScan.facts(SourceScan.scan(src), SecretKeyConstruction.class).stream()
            .map(f -> known(f.material()))
            .toList();
    assertThat(secrets)
        .containsExactly(
            new Secret(16, "bytes", "0123…"),
            new Secret(8, "bytes", "0102…"),
            new Secret(16, "bytes", "0001…"),
            new Secret(3, "bytes", "0908…"),
            new Secret(4, "bytes", "ff04…"));
    assertThat(secrets.toString()).doesNotContain("0123456789abcdef");
  }

  @Test
  void charsFromToCharArrayAndArrayInitializers() {
    String src =
        inClass(
            """
              Object a() { return new PBEKeySpec("correct horse battery".toCharArray()); }
              Object b() { char[] pw = {'p', 'w'}; return new PBEKeySpec(pw); }
            """);
    List<Secret> passwords =
        SourceScan.facts(SourceScan.scan(src), KeyPassword.class).stream()
            .map(f -> known(f.password()))
            .toList();
    assertThat(passwords)
        .containsExactly(new Secret(21, "chars", "corr…"), new Secret(2, "chars", "****"));
  }

  @Test
  void aBufferFilledByACallIsNoLongerConstant() {
    String src =
        inClass(
            """
              Object a(java.io.InputStream in) throws Exception {
                byte[] key = new byte[16];
                in.read(key);
                return new SecretKeySpec(key, "AES");
              }
              Object b() throws Exception {
                byte[] key = new byte[16];
                java.util.Arrays.fill(key, (byte) 1);
                key[0] = 2;
                return new SecretKeySpec(key, "AES");
              }
            """);
    List<SecretKeyConstruction> facts =
        SourceScan.facts(SourceScan.scan(src), SecretKeyConstruction.class);
    assertThat(unknownWhy(facts.get(0).material())).startsWith("may be filled by read()");
    assertThat(unknownWhy(facts.get(1).material())).startsWith("element assigned at line");
  }

  @Test
  void secretTracesNeverSpellTheValue() {
    String src =
        inClass(
            """
              private static final String PASSWORD = "tr0ub4dor&3-very-secret";
              Object a() {
                String pw = PASSWORD;
                return new KeyStore.PasswordProtection(pw.toCharArray());
              }
            """);
    KeyPassword fact = single(src, KeyPassword.class);
    assertThat(trace(fact.password()))
        .extracting(TraceStep::message)
        .containsExactly(
            "constant PASSWORD", "local pw", "password passed to new PasswordProtection");
    assertThat(fact.toString()).doesNotContain("tr0ub4dor");
  }
}
