package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.interfaces.XECPublicKey;
import java.security.spec.NamedParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every key generated under a built-in policy meets that policy, measured on the key itself against
 * thresholds written down here from the standards (shared reference §A.8), not read from {@link
 * PolicyTable}; and the DRBG it came from is the one the policy states.
 */
class PolicyComplianceTest {

  /** The standards' thresholds, independently of the production table. */
  record Standard(
      Set<Integer> aes,
      int hmacMinBits,
      int rsaMinBits,
      int rsaSizeToTry,
      Set<String> curves,
      Set<String> edDsa,
      Set<String> xdh,
      int drbgMinStrength,
      boolean predictionResistance) {}

  private static final Set<String> NIST_CURVES =
      Set.of("secp224r1", "secp256r1", "secp384r1", "secp521r1");

  static final Map<String, Standard> STANDARDS =
      Map.of(
          "nist-800-131a",
          new Standard(
              Set.of(128, 192, 256),
              112,
              2048,
              2048,
              NIST_CURVES,
              Set.of("Ed25519", "Ed448"),
              Set.of(),
              128,
              false),
          "fips-140-3",
          new Standard(
              Set.of(128, 192, 256),
              112,
              2048,
              2048,
              NIST_CURVES,
              Set.of("Ed25519", "Ed448"),
              Set.of(),
              128,
              false),
          "cnsa-2.0",
          new Standard(
              Set.of(256), 256, 3072, 3072, Set.of("secp384r1"), Set.of(), Set.of(), 256, true),
          "bsi-tr-02102-1",
          new Standard(
              Set.of(128, 192, 256),
              128,
              3000,
              3072,
              Set.of(
                  "secp256r1",
                  "secp384r1",
                  "secp521r1",
                  "brainpoolP256r1",
                  "brainpoolP320r1",
                  "brainpoolP384r1",
                  "brainpoolP512r1"),
              Set.of(),
              Set.of(),
              128,
              true),
          "nist-ir-8547",
          new Standard(
              Set.of(128, 192, 256),
              112,
              2048,
              2048,
              NIST_CURVES,
              Set.of("Ed25519", "Ed448"),
              Set.of(),
              128,
              false));

  // What SunEC can generate (standards-and-formats §A.9): P-224 and brainpool are refused there.
  private static final Set<String> JDK_CURVES = Set.of("secp256r1", "secp384r1", "secp521r1");

  // SP 800-57 Pt 1 Table 2.
  private static final Map<String, Integer> CURVE_STRENGTH =
      Map.of("secp256r1", 128, "secp384r1", 192, "secp521r1", 256);

  static List<String> policies() {
    return PolicyTable.ids();
  }

  @ParameterizedTest
  @MethodSource("policies")
  void theTableSaysWhatTheStandardSays(String id) {
    KeyPolicy p = PolicyTable.builtIn(id);
    Standard s = STANDARDS.get(id);
    assertThat(s).as("every built-in policy has an expectation here").isNotNull();
    assertThat(p.aesKeySizes()).isEqualTo(s.aes());
    assertThat(p.hmacMinKeyBits()).isEqualTo(s.hmacMinBits());
    assertThat(p.rsaMinBits()).isEqualTo(s.rsaMinBits());
    assertThat(p.ecCurves()).containsExactlyInAnyOrderElementsOf(s.curves());
    assertThat(p.edDsa()).containsExactlyInAnyOrderElementsOf(s.edDsa());
    assertThat(p.xdh()).containsExactlyInAnyOrderElementsOf(s.xdh());
    assertThat(p.drbgMinStrength()).isEqualTo(s.drbgMinStrength());
    assertThat(p.drbgCapability().supportsPredictionResistance())
        .isEqualTo(s.predictionResistance());
    assertThat(p.hmacAlgorithms()).noneMatch(a -> a.equals("HmacSHA1") || a.equals("HmacMD5"));
  }

  @ParameterizedTest
  @MethodSource("policies")
  void everyAllowedSecretKeyMeetsThePolicy(String id) {
    Standard s = STANDARDS.get(id);
    Recorder r = new Recorder();
    CompliantKeys keys = CompliantKeys.forPolicy(id).withEnvironment("test").withListener(r);
    for (int bits : s.aes()) {
      SecretKey k = keys.aes(bits);
      assertThat(k.getAlgorithm()).isEqualTo("AES");
      assertThat(k.getEncoded().length * 8).isIn(s.aes());
      assertDrbg(r.last(), s, bits);
    }
    for (String hmac : keys.policy().hmacAlgorithms()) {
      int bits = Math.max(s.hmacMinBits(), 256);
      SecretKey k = keys.hmac(hmac, bits);
      assertThat(k.getAlgorithm()).isEqualTo(hmac);
      assertThat(k.getEncoded().length * 8).isEqualTo(bits).isGreaterThanOrEqualTo(s.hmacMinBits());
      assertDrbg(r.last(), s, 256);
    }
  }

  @ParameterizedTest
  @MethodSource("policies")
  void everyAllowedKeyPairMeetsThePolicy(String id) throws Exception {
    Standard s = STANDARDS.get(id);
    Recorder r = new Recorder();
    CompliantKeys keys = CompliantKeys.forPolicy(id).withEnvironment("test").withListener(r);

    KeyPair rsa = keys.rsa(s.rsaSizeToTry());
    int modulus = ((RSAPublicKey) rsa.getPublic()).getModulus().bitLength();
    assertThat(modulus).isGreaterThanOrEqualTo(s.rsaMinBits());
    assertDrbg(r.last(), s, modulus >= 3072 ? 128 : 112);
    assertThat(r.last().fields())
        .containsEntry(EventFields.CRYPTO_KEY_SIZE, modulus)
        .containsEntry(
            EventFields.CRYPTO_KEY_FINGERPRINT, JcaKeyMaker.fingerprint(rsa.getPublic()));

    for (String curve : s.curves()) {
      if (!JDK_CURVES.contains(curve)) {
        assertThatThrownBy(() -> keys.ec(curve)).isInstanceOf(KeyGenerationException.class);
        continue;
      }
      ECPublicKey pub = (ECPublicKey) keys.ec(curve).getPublic();
      assertThat(pub.getParams().toString()).as("JDK names the curve").startsWith(curve + " ");
      assertDrbg(r.last(), s, CURVE_STRENGTH.get(curve));
    }
    for (String set : s.edDsa()) {
      KeyPair kp = set.equals("Ed25519") ? keys.ed25519() : keys.ed448();
      assertThat(((EdECPublicKey) kp.getPublic()).getParams().getName()).isEqualTo(set);
      assertDrbg(r.last(), s, set.equals("Ed25519") ? 128 : 224);
    }
    for (String set : s.xdh()) {
      KeyPair kp = set.equals("X25519") ? keys.x25519() : keys.x448();
      assertThat(((NamedParameterSpec) ((XECPublicKey) kp.getPublic()).getParams()).getName())
          .isEqualTo(set);
      assertDrbg(r.last(), s, set.equals("X25519") ? 128 : 224);
    }
  }

  /** The record's DRBG is an SP 800-90A DRBG, as strong as the key and the policy ask. */
  private static void assertDrbg(GenerationRecord rec, Standard s, int keyStrength) {
    assertThat(rec.outcome().success()).isTrue();
    RngDescription rng = rec.rng();
    assertThat(rng.algorithm()).isEqualTo("DRBG");
    assertThat(rng.provider()).isEqualTo("SUN");
    assertThat(rng.sp800_90a()).isTrue();
    assertThat(rng.mechanism()).isIn("Hash_DRBG", "HMAC_DRBG", "CTR_DRBG");
    assertThat(rng.strength())
        .isGreaterThanOrEqualTo(keyStrength)
        .isGreaterThanOrEqualTo(s.drbgMinStrength());
    assertThat(rng.predictionResistance()).isEqualTo(s.predictionResistance());
    assertThat(rng.raw()).startsWith(rng.mechanism() + ",").contains("," + rng.strength() + ",");
    assertThat(rng.deterministic()).isFalse();
  }
}
