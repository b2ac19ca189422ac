package dev.keyaudit.scanner.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SecretValuesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "${KEYSTORE_PASSWORD}",
        "{{ .Values.password }}",
        "${{ secrets.X }}",
        "$PASSWORD",
        "$(cat /run/secrets/pw)",
        "var.db_password",
        "<changeme>",
        "AKIAIOSFODNN7EXAMPLE",
        "xxxxxxxx",
        "********",
        "REDACTED",
        "true",
        "",
        "/run/secrets/keystore",
        "classpath:keystore.p12"
      })
  void placeholdersAreNotSecrets(String value) {
    assertThat(SecretValues.isLiteralSecret(value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)",
        "{cipher}AQBc8f3a9d0e7b6c5a4f3e2d1c0b9a8f7e6d5c4b3a2f1e0d9c8b7a6f5e4d3c2b1a0",
        "ENC[AES256_GCM,data:abc,iv:def,tag:ghi,type:str]",
        "vault:secret/data/app#password",
        "{COQLCE6DU6GtcS5P=}"
      })
  void protectedValuesAreNotSecrets(String value) {
    assertThat(SecretValues.isLiteralSecret(value)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"changeit", "Xk9#mQ2$vL7@pR4!", "s3cr3t-pass", "'quoted-secret'"})
  void literalsAreSecrets(String value) {
    assertThat(SecretValues.isLiteralSecret(value)).isTrue();
  }

  @Test
  void namesAndSentencesAreNotSecrets() {
    assertThat(SecretValues.isIdentifier("DistributionList.NextMarker")).isTrue();
    assertThat(SecretValues.isIdentifier("docker-credential-gcr")).isTrue();
    assertThat(SecretValues.isIdentifier("7f1c9a0b3e5d4c2a")).isFalse();
    assertThat(SecretValues.isIdentifier("Xk9#mQ2vL7")).isFalse();
    assertThat(SecretValues.isProse("The secret key used to sign tokens.", false)).isTrue();
    assertThat(SecretValues.isProse("L0cal-Keystore-Pass # expect: KA402", true)).isFalse();
    assertThat(SecretValues.isProse("correct horse battery staple", true)).isFalse();
  }

  @Test
  void decodedLengthsAndEntropy() {
    assertThat(SecretValues.decodedLength("q83vEjRWeJq83vEjRWeJq8==")).isEqualTo(16);
    assertThat(SecretValues.decodedLength("0123456789abcdef0123456789abcdef")).isEqualTo(16);
    assertThat(SecretValues.decodedLength("short")).isZero();
    assertThat(SecretValues.entropy("aaaa")).isZero();
    assertThat(SecretValues.entropy("abcd")).isEqualTo(2.0);
  }
}
