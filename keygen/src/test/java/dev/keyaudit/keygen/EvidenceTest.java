package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every generation leaves a record, in the shared field names, with no key material in it. */
class EvidenceTest {

  private final List<LogRecord> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private final Logger jul = Logger.getLogger(EvidenceLogger.LOGGER_NAME);

  @BeforeEach
  void captureLog() {
    jul.addHandler(capture);
  }

  @AfterEach
  void releaseLog() {
    jul.removeHandler(capture);
  }

  private static CompliantKeys keys(Recorder r) {
    return CompliantKeys.forPolicy("nist-800-131a")
        .withEnvironment("staging")
        .withTenant("acme")
        .withService("payments")
        .withListener(r);
  }

  @Test
  void aSuccessCarriesTheSharedVocabulary() throws Exception {
    Recorder r = new Recorder();
    KeyPair kp = keys(r).ec("secp384r1");
    Map<String, Object> f = r.last().fields();
    assertThat(f)
        .containsEntry(EventFields.EVENT_KIND, "event")
        .containsEntry(EventFields.EVENT_ACTION, "key-generation")
        .containsEntry(EventFields.EVENT_OUTCOME, "success")
        .containsEntry(EventFields.EVENT_PROVIDER, "keyaudit-keygen")
        .containsEntry(EventFields.CRYPTO_ALGORITHM, "EC")
        .containsEntry(EventFields.CRYPTO_KEY_TYPE, "key-pair")
        .containsEntry(EventFields.CRYPTO_KEY_SIZE, 384)
        .containsEntry(EventFields.CRYPTO_KEY_CURVE, "secp384r1")
        .containsEntry(EventFields.CRYPTO_KEY_SECURITY_STRENGTH, 192)
        .containsEntry(EventFields.CRYPTO_PROVIDER, "SunEC")
        .containsEntry(EventFields.CRYPTO_RNG_ALGORITHM, "DRBG")
        .containsEntry(EventFields.CRYPTO_RNG_STRENGTH, 192)
        .containsEntry(EventFields.CRYPTO_RNG_SP800_90A, true)
        .containsEntry(EventFields.SERVICE_NAME, "payments")
        .containsEntry(EventFields.ENVIRONMENT, "staging")
        .containsEntry(EventFields.ORGANIZATION_ID, "acme")
        .containsEntry(EventFields.KEYAUDIT_POLICY, "nist-800-131a")
        .containsEntry(EventFields.KEYAUDIT_STATUS, "acceptable")
        .containsKeys(
            EventFields.TIMESTAMP,
            EventFields.CRYPTO_RNG_MECHANISM,
            EventFields.CRYPTO_RNG_PREDICTION_RESISTANCE,
            EventFields.CRYPTO_RNG_RAW,
            EventFields.CRYPTO_RNG_INSTANCE_ID)
        .doesNotContainKeys(EventFields.KEYAUDIT_RULE, EventFields.ERROR_TYPE);
    String expected =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(kp.getPublic().getEncoded()));
    assertThat(f).containsEntry(EventFields.CRYPTO_KEY_FINGERPRINT, expected);
  }

  @Test
  void theCallerIsTheCodeThatAskedNotTheLibrary() {
    Recorder r = new Recorder();
    keys(r).aes(128);
    Map<String, Object> f = r.last().fields();
    assertThat(f)
        .containsEntry(
            EventFields.CODE_FUNCTION,
            EvidenceTest.class.getName() + ".theCallerIsTheCodeThatAskedNotTheLibrary")
        .containsEntry(EventFields.CODE_FILE, "EvidenceTest.java");
    assertThat((Integer) f.get(EventFields.CODE_LINE)).isPositive();
  }

  @Test
  void noKeyMaterialIsLoggedOrRecorded() {
    Recorder r = new Recorder();
    SecretKey aes = keys(r).aes(256);
    KeyPair ec = keys(r).ec("secp256r1");
    String logs = String.join("\n", logged.stream().map(LogRecord::getMessage).toList());
    String records = String.join("\n", r.records().stream().map(GenerationRecord::toJson).toList());
    for (byte[] secret : List.of(aes.getEncoded(), ec.getPrivate().getEncoded())) {
      for (String form :
          List.of(
              HexFormat.of().formatHex(secret),
              HexFormat.of().withUpperCase().formatHex(secret),
              Base64.getEncoder().encodeToString(secret))) {
        assertThat(logs).doesNotContain(form);
        assertThat(records).doesNotContain(form);
      }
    }
    assertThat(r.records().get(0).fields()).doesNotContainKey(EventFields.CRYPTO_KEY_FINGERPRINT);
  }

  @Test
  void recordsGoToTheSystemLoggerAsJsonLines() {
    Recorder r = new Recorder();
    keys(r).aes(192);
    keys(r).hmac("HmacSHA256", 256);
    assertThatThrownBy(() -> keys(r).hmac("HmacSHA1", 160))
        .isInstanceOf(PolicyViolationException.class);
    assertThat(logged).hasSize(3);
    assertThat(logged.get(0).getLevel()).isEqualTo(Level.INFO);
    assertThat(logged.get(0).getMessage())
        .isEqualTo(r.records().get(0).toJson())
        .startsWith("{\"@timestamp\":\"")
        .contains("\"crypto.key.size\":192")
        .doesNotContain("\n");
    assertThat(logged.get(2).getLevel()).isEqualTo(Level.WARNING);
    assertThat(logged.get(2).getMessage())
        .contains("\"event.outcome\":\"failure\"")
        .contains("\"keyaudit.rule\":\"KA101\"");
  }

  @Test
  void aFailingListenerDoesNotStopGenerationOrOtherListeners() {
    Recorder after = new Recorder();
    SecretKey k =
        CompliantKeys.forPolicy("nist-800-131a")
            .withEnvironment("test")
            .withListener(
                rec -> {
                  throw new IllegalStateException("listener bug");
                })
            .withListener(after)
            .aes(256);
    assertThat(k.getEncoded()).hasSize(32);
    assertThat(after.records()).hasSize(1);
    assertThat(logged).anySatisfy(l -> assertThat(l.getMessage()).contains("generation listener"));
  }

  @Test
  void jsonEscapesWhatAMessageMayContain() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("s", "a \"quoted\" \\ path\nnext\tline\u0001");
    m.put("n", 3);
    m.put("b", true);
    assertThat(Json.object(m))
        .isEqualTo(
            "{\"s\":\"a \\\"quoted\\\" \\\\ path\\nnext\\tline\\u0001\",\"n\":3,\"b\":true}");
  }
}
