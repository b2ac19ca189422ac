package dev.keyaudit.scanner.source;

import static dev.keyaudit.scanner.source.SourceScan.facts;
import static dev.keyaudit.scanner.source.SourceScan.inClass;
import static dev.keyaudit.scanner.source.SourceScan.known;
import static dev.keyaudit.scanner.source.SourceScan.lineOf;
import static dev.keyaudit.scanner.source.SourceScan.scan;
import static dev.keyaudit.scanner.source.SourceScan.single;
import static dev.keyaudit.scanner.source.SourceScan.unknownWhy;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.AlgorithmUse;
import dev.keyaudit.rules.facts.EmbeddedKeyMaterial;
import dev.keyaudit.rules.facts.KeyDerivation;
import dev.keyaudit.rules.facts.KeyPassword;
import dev.keyaudit.rules.facts.SecretKeyConstruction;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Algorithm uses, key specs, key passwords, key derivation and embedded private keys. */
class KeyMaterialFactsTest {

  @Test
  void algorithmUseForEveryEngineButGenerators() {
    String src =
        inClass(
            """
              void all() throws Exception {
                Cipher.getInstance("AES/GCM/NoPadding");
                Mac.getInstance("HmacSHA256", "SunJCE");
                Signature.getInstance("SHA256withECDSA");
                MessageDigest.getInstance("SHA-256");
                SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
                KeyAgreement.getInstance("ECDH");
                KeyFactory.getInstance("RSA");
                KeyGenerator.getInstance("AES").init(128);
              }
            """);
    List<AlgorithmUse> facts = facts(scan(src), AlgorithmUse.class);
    assertThat(facts)
        .extracting(AlgorithmUse::api)
        .containsExactly(
            "Cipher",
            "Mac",
            "Signature",
            "MessageDigest",
            "SecretKeyFactory",
            "KeyAgreement",
            "KeyFactory");
    assertThat(known(facts.get(1).algorithm())).isEqualTo("HmacSHA256");
  }

  @Test
  void secretKeySpecs() {
    String src =
        inClass(
            """
              private static final BigInteger D = new BigInteger("123456789abcdef", 16);
              void all(byte[] fromCaller) throws Exception {
                new SecretKeySpec(fromCaller, "AES");
                new DESKeySpec("8bytekey".getBytes());
                new DESedeKeySpec(new byte[24]);
                new PKCS8EncodedKeySpec(Base64.getDecoder().decode("MEECAQAwEwYHKoZIzj0CAQ=="), "EC");
                new X509EncodedKeySpec(fromCaller);
                new RSAPrivateKeySpec(BigInteger.TEN, D);
                new RSAPublicKeySpec(new BigInteger("65537"), BigInteger.valueOf(3));
                new ECPrivateKeySpec(BigInteger.valueOf(99), null);
                new RSAPrivateKeySpec(BigInteger.TEN, new BigInteger(1, fromCaller));
              }
            """);
    List<SecretKeyConstruction> facts = facts(scan(src), SecretKeyConstruction.class);
    assertThat(facts)
        .extracting(SecretKeyConstruction::api)
        .containsExactly(
            "SecretKeySpec",
            "DESKeySpec",
            "DESedeKeySpec",
            "PKCS8EncodedKeySpec",
            "X509EncodedKeySpec",
            "RSAPrivateKeySpec",
            "RSAPublicKeySpec",
            "ECPrivateKeySpec",
            "RSAPrivateKeySpec");
    assertThat(unknownWhy(facts.get(0).material()))
        .isEqualTo("parameter fromCaller of Keys.all(byte[])");
    assertThat(known(facts.get(0).algorithm())).isEqualTo("AES");
    assertThat(known(facts.get(1).material()).length()).isEqualTo(8);
    assertThat(facts.get(1).algorithm()).isNull();
    assertThat(known(facts.get(2).material()).length()).isEqualTo(24);
    assertThat(known(facts.get(3).algorithm())).isEqualTo("EC");
    assertThat(known(facts.get(5).material()))
        .isEqualTo(Secret.ofBytes(new java.math.BigInteger("123456789abcdef", 16).toByteArray()));
    assertThat(known(facts.get(6).material()).length()).isEqualTo(3);
    assertThat(known(facts.get(7).material()).length()).isEqualTo(1);
    assertThat(unknownWhy(facts.get(8).material()))
        .isEqualTo("parameter fromCaller of Keys.all(byte[])");
  }

  @Test
  void keyPasswords() {
    String src =
        inClass(
            """
              void all(java.io.InputStream in, KeyStore ks, Key key, java.security.cert.Certificate[] chain,
                  javax.net.ssl.KeyManagerFactory kmf, java.io.File file) throws Exception {
                ks.load(in, "changeit".toCharArray());
                ks.load(in, null);
                ks.getKey("alias", new char[] {'p', 'w'});
                ks.setKeyEntry("alias", key, "changeit".toCharArray(), chain);
                ks.store(new java.io.ByteArrayOutputStream(), "changeit".toCharArray());
                new KeyStore.PasswordProtection("changeit".toCharArray());
                kmf.init(ks, "changeit".toCharArray());
                KeyStore.getInstance(file, "changeit".toCharArray());
                new PBEKeySpec(System.getenv("PW").toCharArray());
              }
            """);
    List<KeyPassword> facts = facts(scan(src), KeyPassword.class);
    assertThat(facts)
        .extracting(KeyPassword::api)
        .containsExactly(
            "KeyStore.load",
            "KeyStore.getKey",
            "KeyStore.setKeyEntry",
            "KeyStore.store",
            "KeyStore.PasswordProtection",
            "KeyManagerFactory.init",
            "KeyStore.getInstance",
            "PBEKeySpec");
    assertThat(known(facts.get(0).password())).isEqualTo(new Secret(8, "chars", "****"));
    assertThat(unknownWhy(facts.get(7).password())).isEqualTo("call to System.getenv()");
  }

  @Test
  void keyDerivation() {
    String src =
        inClass(
            """
              private static final int ITERATIONS = 1000;
              void all(char[] pw, byte[] salt) {
                new PBEKeySpec(pw, "saltsaltsaltsalt".getBytes(), ITERATIONS * 310, 256);
                new PBEKeySpec(pw, salt, 20);
                new PBEParameterSpec(salt, 100);
                new PBEKeySpec(pw);
              }
            """);
    List<KeyDerivation> facts = facts(scan(src), KeyDerivation.class);
    assertThat(facts).hasSize(3);
    KeyDerivation first = facts.get(0);
    assertThat(first.api()).isEqualTo("PBEKeySpec");
    assertThat(known(first.iterations())).isEqualTo(310_000);
    assertThat(known(first.keyLength())).isEqualTo(256);
    assertThat(known(first.salt()).length()).isEqualTo(16);
    assertThat(facts.get(1).keyLength()).isNull();
    assertThat(facts.get(1).salt()).isInstanceOf(Value.Unknown.class);
    assertThat(facts.get(2).api()).isEqualTo("PBEParameterSpec");
    assertThat(known(facts.get(2).iterations())).isEqualTo(100);
  }

  static final String EC_PKCS8 =
      "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQggeg2MpNHPlSWB4wG"
          + "yCJ1JBfJWCWERj6+Ddw5QQaAOkOhRANCAAQsj1SIR7bKjP6abmxNAJCJptUPpZwj"
          + "IdkNhTvs8UdAgtjZsCbo/1aWItWAFsEbP4sxvfnIVPpMcIKtoX3QhiTZ";

  @Test
  void embeddedKeysInLiteralsTextBlocksAndConcatenations() {
    String src =
        inClass(
            """
              static final String A = "%s";
              static final String B = \"\"\"
                  -----BEGIN PRIVATE KEY-----
                  %s
                  -----END PRIVATE KEY-----
                  \"\"\";
              String c() {
                return "-----BEGIN RSA PRIVATE KEY-----\\n"
                    + "%s"
                    + "-----END RSA PRIVATE KEY-----";
              }
            """
                .formatted(EC_PKCS8, EC_PKCS8, EC_PKCS8));
    List<EmbeddedKeyMaterial> facts = facts(scan(src), EmbeddedKeyMaterial.class);
    assertThat(facts)
        .extracting(EmbeddedKeyMaterial::kind)
        .containsExactly("base64 PKCS#8 private key", "PEM PRIVATE KEY", "PEM RSA PRIVATE KEY");
    assertThat(facts.get(2).location().startLine())
        .isEqualTo(lineOf(src, "\"-----BEGIN RSA PRIVATE KEY-----"));
    assertThat(facts.get(0).material()).isEqualTo(new Secret(EC_PKCS8.length(), "chars", "MIGH…"));
    assertThat(facts.toString()).doesNotContain(EC_PKCS8.substring(0, 20));
  }

  @Test
  void aKeyUsedTwiceIsReportedWhereItIsWritten() {
    String src =
        inClass(
            """
              static final String KEY = "%s";
              String a() { return KEY + "\\n"; }
            """
                .formatted(EC_PKCS8));
    assertThat(facts(scan(src), EmbeddedKeyMaterial.class)).hasSize(1);
  }

  @Test
  void nullPasswordIsNoFact() {
    assertThat(
            facts(
                scan(inClass("void a(KeyStore ks) throws Exception { ks.load(null, null); }")),
                KeyPassword.class))
        .isEmpty();
    assertThat(
            single(
                inClass("void a(KeyStore ks, char[] pw) throws Exception { ks.load(null, pw); }"),
                KeyPassword.class))
        .isNotNull();
  }
}
