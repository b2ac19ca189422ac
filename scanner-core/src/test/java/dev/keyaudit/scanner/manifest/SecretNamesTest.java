package dev.keyaudit.scanner.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.SecretInConfig.Kind;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretNamesTest {

  @ParameterizedTest
  @CsvSource({
    "server.ssl.key-store-password, KEY_PASSWORD",
    "SERVER_SSL_KEY_STORE_PASSWORD, KEY_PASSWORD",
    "javax.net.ssl.keyStorePassword, KEY_PASSWORD",
    "keytool -storepass, KEY_PASSWORD",
    "encrypt.key-store.password, KEY_PASSWORD",
    "encrypt.key, SYMMETRIC_KEY",
    "ENCRYPT_KEY, SYMMETRIC_KEY",
    "JASYPT_ENCRYPTOR_PASSWORD, SYMMETRIC_KEY",
    "app.crypto.aes.key, SYMMETRIC_KEY",
    "jhipster.security.authentication.jwt.base64-secret, SIGNING_SECRET",
    "JWT_SECRET, SIGNING_SECRET",
    "app.hmac-key, SIGNING_SECRET",
    "spring.datasource.password, CREDENTIAL",
    "javax.net.ssl.trustStorePassword, CREDENTIAL",
    "github_token, CREDENTIAL",
  })
  void classifiesSecretNames(String name, Kind kind) {
    assertThat(SecretNames.classify(name)).contains(kind);
  }

  @ParameterizedTest
  @CsvSource({
    "server.ssl.key-store",
    "server.ssl.key-alias",
    "server.ssl.key-store-type",
    "app.rsa.key-size",
    "password-file",
    "customer_master_key_spec",
    "components.schemas.Login.properties.password.example",
    "jwt.token-validity-in-seconds",
    "secretGenerator",
    "spring.cloud.vault.token-file",
    "primary-key",
  })
  void ignoresNamesThatHoldNoSecret(String name) {
    assertThat(SecretNames.classify(name)).isEmpty();
  }
}
