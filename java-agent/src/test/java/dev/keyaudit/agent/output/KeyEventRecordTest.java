package dev.keyaudit.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyaudit.agent.event.Caller;
import dev.keyaudit.agent.event.Decision;
import dev.keyaudit.agent.event.KeyEvent;
import dev.keyaudit.agent.event.RngInfo;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Fields encoded once and reused give the same lines as encoding every event afresh. */
class KeyEventRecordTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static KeyEvent event(Caller caller, RngInfo rng, int reseeds, Decision d) {
    return new KeyEvent(
        Instant.parse("2026-11-29T09:00:00.123456789Z"),
        "key-generation",
        "success",
        null,
        "KeyGenerator.generateKey",
        "AES",
        256,
        null,
        "secret",
        "SunJCE",
        true,
        false,
        "application",
        rng,
        0x1234,
        reseeds,
        List.of(),
        null,
        caller,
        "main",
        "acme",
        "prod",
        "payments",
        d);
  }

  private static JsonNode line(KeyEvent e) throws Exception {
    JsonLine j = new JsonLine();
    new KeyEventRecord(e, UnaryOperator.identity()).writeFields(j);
    return JSON.readTree(j.end().build());
  }

  @Test
  void reusedFragmentsCarryEachEventsOwnCallerRngAndDecision() throws Exception {
    RngInfo drbg =
        new RngInfo(
            "DRBG",
            "SUN",
            "Hash_DRBG",
            "SHA-256",
            128,
            "reseed_only",
            true,
            "Hash_DRBG,SHA-256,128,reseed_only");
    RngInfo native_ = new RngInfo("NativePRNG", "SUN", null, null, 0, null, false, "NativePRNG");
    Caller keys = new Caller("com.acme.Keys", "rotate", "Keys.java", 12, false);
    Caller other = new Caller("com.acme.Other", "make", "Other.java", 7, false);
    Decision allow = new Decision("nist-800-131a", "allow", List.of(), List.of());
    Decision weak =
        new Decision(
            "cnsa-2.0", "violation", List.of("KA102"), List.of("KA102: \"AES\" too short"));

    for (int round = 0; round < 2; round++) { // the second round reads every fragment back
      JsonNode a = line(event(keys, drbg, round, allow));
      assertThat(a.path("code.function.name").asText()).isEqualTo("com.acme.Keys.rotate");
      assertThat(a.path("code.line.number").asInt()).isEqualTo(12);
      assertThat(a.path("crypto.rng.mechanism").asText()).isEqualTo("Hash_DRBG");
      assertThat(a.path("crypto.rng.strength").asInt()).isEqualTo(128);
      assertThat(a.path("crypto.rng.reseeds").asInt()).isEqualTo(round);
      assertThat(a.path("keyaudit.decision").asText()).isEqualTo("allow");
      assertThat(a.has("keyaudit.rule")).isFalse();
      assertThat(a.path("event.provider").asText()).isEqualTo("keyaudit-agent");
      assertThat(a.path("event.category").get(0).asText()).isEqualTo("configuration");

      JsonNode b = line(event(other, native_, 0, weak));
      assertThat(b.path("code.function.name").asText()).isEqualTo("com.acme.Other.make");
      assertThat(b.path("code.file.path").asText()).isEqualTo("Other.java");
      assertThat(b.path("crypto.rng.algorithm").asText()).isEqualTo("NativePRNG");
      assertThat(b.has("crypto.rng.mechanism")).isFalse();
      assertThat(b.path("crypto.rng.sp800_90a").asBoolean()).isFalse();
      assertThat(b.path("keyaudit.policy").asText()).isEqualTo("cnsa-2.0");
      assertThat(b.path("keyaudit.reasons").get(0).asText()).isEqualTo("KA102: \"AES\" too short");
      assertThat(b.path("organization.id").asText()).isEqualTo("acme");
    }
  }

  @Test
  void equalCallersThatAreDistinctObjectsGiveEqualFields() throws Exception {
    Caller one = new Caller("com.acme.Keys", "rotate", "Keys.java", 12, false);
    Caller same = new Caller("com.acme.Keys", "rotate", "Keys.java", 12, false);
    assertThat(line(event(same, null, 0, null))).isEqualTo(line(event(one, null, 0, null)));
  }
}
