package dev.keyaudit.rules.jca;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AlgorithmStringsTest {

  @ParameterizedTest(name = "{0}(\"{1}\") -> {2}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          Cipher           | DES/CBC/PKCS5Padding                  | DES
          Cipher           | desede/ECB/NoPadding                  | DESede
          Cipher           | AES_256/GCM/NoPadding                 | AES
          Cipher           | RSA/ECB/OAEPWithSHA-256AndMGF1Padding | RSA
          Cipher           | RC4                                   | ARCFOUR
          Cipher           | ChaCha20-Poly1305                     | ChaCha20
          Cipher           | Camellia/CBC/PKCS5Padding             |
          Signature        | SHA1withRSA                           | SHA-1:SIGNATURE RSA
          Signature        | SHA256withECDSA                       | SHA-256:SIGNATURE EC
          Signature        | SHA256withRSA/PSS                     | SHA-256:SIGNATURE RSA
          Signature        | SHA3-256withECDSAinP1363Format        | SHA3-256:SIGNATURE EC
          Signature        | MD5withRSA                            | MD5:SIGNATURE RSA
          Signature        | NONEwithRSA                           | RSA
          Signature        | Ed25519                               | Ed25519
          Signature        | RSASSA-PSS                            | RSASSA-PSS
          Mac              | HmacMD5                               | HmacMD5 MD5:HMAC
          Mac              | HmacSHA512/256                        | HmacSHA512/256 SHA-512/256:HMAC
          Mac              | HmacPBESHA256                         | SHA-256:HMAC
          MessageDigest    | SHA-1                                 | SHA-1:OTHER
          MessageDigest    | SHA                                   | SHA-1:OTHER
          SecretKeyFactory | PBEWithMD5AndDES                      | MD5:OTHER DES
          SecretKeyFactory | PBEWithSHA1AndDESede                  | SHA-1:OTHER DESede
          SecretKeyFactory | PBEWithMD5AndTripleDES                | MD5:OTHER DESede
          SecretKeyFactory | PBEWithSHA1AndRC4_128                 | SHA-1:OTHER ARCFOUR
          SecretKeyFactory | PBEWithHmacSHA256AndAES_256           | HmacSHA256 SHA-256:HMAC AES
          SecretKeyFactory | PBKDF2WithHmacSHA1                    | HmacSHA1 SHA-1:HMAC
          KeyAgreement     | ECDH                                  | EC
          KeyAgreement     | DiffieHellman                         | DH
          KeyPairGenerator | 1.2.840.113549.1.1.1                  | RSA
          KeyPairGenerator | OID.1.3.101.112                       | Ed25519
          KeyGenerator     | HmacSHA256                            | HmacSHA256 SHA-256:HMAC
          """)
  void splitsAlgorithmStringsIntoJudgedParts(String api, String text, String expected) {
    List<String> parts =
        AlgorithmStrings.components(api, text).stream()
            .map(c -> c.digestUse() == null ? c.name() : c.name() + ":" + c.digestUse())
            .toList();
    assertThat(parts)
        .containsExactlyElementsOf(
            expected == null ? List.of() : List.of(expected.trim().split(" ")));
  }
}
