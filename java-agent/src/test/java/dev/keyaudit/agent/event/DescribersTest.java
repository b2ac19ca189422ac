package dev.keyaudit.agent.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.DrbgParameters;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.NamedParameterSpec;
import javax.crypto.KeyGenerator;
import org.junit.jupiter.api.Test;

/** RNG and key descriptions from real JDK objects. */
class DescribersTest {

  @Test
  void drbgIsDescribedFromItsOwnReport() throws Exception {
    SecureRandom drbg =
        SecureRandom.getInstance(
            "DRBG", DrbgParameters.instantiation(192, DrbgParameters.Capability.RESEED_ONLY, null));
    RngInfo info = new RngDescriber().describe(drbg);
    assertThat(info.algorithm()).isEqualTo("DRBG");
    assertThat(info.provider()).isEqualTo("SUN");
    assertThat(info.mechanism()).isEqualTo("Hash_DRBG");
    assertThat(info.drbgAlgorithm()).isEqualTo("SHA-256");
    assertThat(info.strength()).isEqualTo(192);
    assertThat(info.capability()).isEqualTo("reseed_only");
    assertThat(info.predictionResistance()).isFalse();
    assertThat(info.sp80090a()).isTrue();
  }

  @Test
  void sha1prngIsNotSp80090a() throws Exception {
    RngInfo info = new RngDescriber().describe(SecureRandom.getInstance("SHA1PRNG"));
    assertThat(info.mechanism()).isNull();
    assertThat(info.sp80090a()).isFalse();
  }

  @Test
  void sizesComeFromTheKeys() throws Exception {
    KeyGenerator des = KeyGenerator.getInstance("DESede");
    assertThat(KeyFacts.of(des.generateKey()).size()).isEqualTo(168);
    KeyGenerator hmac = KeyGenerator.getInstance("HmacSHA256");
    hmac.init(384);
    assertThat(KeyFacts.of(hmac.generateKey()).size()).isEqualTo(384);
    KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
    ec.initialize(new ECGenParameterSpec("secp384r1"));
    KeyFacts p384 = KeyFacts.of(ec.generateKeyPair());
    assertThat(p384.size()).isEqualTo(384);
    assertThat(p384.curve()).isEqualTo("secp384r1");
    assertThat(p384.publicKey()).isNotNull();
    KeyPairGenerator xdh = KeyPairGenerator.getInstance("XDH");
    xdh.initialize(NamedParameterSpec.X448);
    KeyFacts x448 = KeyFacts.of(xdh.generateKeyPair());
    assertThat(x448.curve()).isEqualTo("X448");
    assertThat(x448.size()).isEqualTo(448);
  }

  @Test
  void parityBitsAreLeftOutOfDesSizesWhateverTheCase() {
    assertThat(KeyFacts.effectiveBits("DES", 8)).isEqualTo(56);
    assertThat(KeyFacts.effectiveBits("desede", 24)).isEqualTo(168);
    assertThat(KeyFacts.effectiveBits("TripleDES", 24)).isEqualTo(168);
    assertThat(KeyFacts.effectiveBits("AES", 32)).isEqualTo(256);
    assertThat(KeyFacts.effectiveBits("DESX", 24)).isEqualTo(192);
    assertThat(KeyFacts.effectiveBits(null, 16)).isEqualTo(128);
  }

  @Test
  void initArgumentsSayWhatWasExplicit() throws Exception {
    assertThat(InitInfo.of(new Object[] {256})).isEqualTo(new InitInfo(true, 256, null, false));
    InitInfo withRng =
        InitInfo.of(new Object[] {new ECGenParameterSpec("secp256r1"), new SecureRandom()});
    assertThat(withRng).isEqualTo(new InitInfo(true, 0, "secp256r1", true));
    assertThat(InitInfo.of(new Object[] {new SecureRandom()}).sizeExplicit()).isFalse();
  }

  @Test
  void sharingIsReportedOncePerNewTenant() {
    RngSharing sharing = new RngSharing();
    Object rng = new Object();
    assertThat(sharing.observe(rng, "acme", "prod")).isEmpty();
    assertThat(sharing.observe(rng, "acme", "prod")).isEmpty();
    assertThat(sharing.observe(rng, "globex", "prod")).containsExactly("tenant:acme");
    assertThat(sharing.observe(rng, "globex", "prod")).isEmpty();
    assertThat(sharing.observe(new Object(), "globex", "prod")).isEmpty();
  }
}
