package dev.keyaudit.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fingerprint is always SHA-256 of {@code getEncoded()}, whichever way it is computed. */
class PublicKeyFingerprintTest {

  private final PublicKeyFingerprint fingerprint = new PublicKeyFingerprint();

  private static String sha256OfEncoding(PublicKey key) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"secp256r1", "secp384r1", "secp521r1"})
  void jdkCurveKeysSkipTheEncoderAndGiveTheSameFingerprint(String curve) throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec(curve));
    ECParameterSpec params = null;
    // 200 keys: on P-521 many coordinates are shorter than the field, some P-256 ones too
    for (int i = 0; i < 200; i++) {
      ECPublicKey key = (ECPublicKey) g.generateKeyPair().getPublic();
      params = key.getParams();
      assertThat(fingerprint.of(key)).as("key %d", i).isEqualTo(sha256OfEncoding(key));
    }
    assertThat(fingerprint.rebuildsEncodingFor(params)).isTrue();
  }

  @Test
  void otherKeysUseTheirOwnEncoding() throws Exception {
    KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
    rsa.initialize(2048);
    PublicKey key = rsa.generateKeyPair().getPublic();
    assertThat(fingerprint.of(key)).isEqualTo(sha256OfEncoding(key));
  }

  @Test
  void aForeignEcKeyWithAnotherEncodingIsNeverRebuilt() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(new ECGenParameterSpec("secp256r1"));
    ECPublicKey jdk = (ECPublicKey) g.generateKeyPair().getPublic();
    ECPublicKey compressed = new CompressedKey(jdk);
    for (int i = 0; i < 3; i++) {
      assertThat(fingerprint.of(compressed)).isEqualTo(sha256OfEncoding(compressed));
    }
    assertThat(fingerprint.rebuildsEncodingFor(jdk.getParams())).isFalse();
  }

  /** A provider key that encodes its point compressed (as some providers can). */
  private record CompressedKey(ECPublicKey of) implements ECPublicKey {
    @Override
    public ECPoint getW() {
      return of.getW();
    }

    @Override
    public ECParameterSpec getParams() {
      return of.getParams();
    }

    @Override
    public String getAlgorithm() {
      return "EC";
    }

    @Override
    public String getFormat() {
      return "X.509";
    }

    /** The JDK's prefix, then 02/03 and X: the DER lengths are left as they were (test only). */
    @Override
    public byte[] getEncoded() {
      byte[] full = of.getEncoded();
      byte[] out = Arrays.copyOf(full, full.length - 32);
      out[full.length - 65] = (byte) (of.getW().getAffineY().testBit(0) ? 3 : 2);
      return out;
    }
  }
}
