package dev.keyaudit.agenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Audit and enforce mode with the built-in policies, judged by the rules evaluator. */
class PolicyIT {

  @TempDir Path dir;

  @Test
  void auditModeRecordsTheViolationAndLetsTheKeyBeGenerated() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(dir, "log=events.jsonl,environment=test", List.of(), "example.app.WeakRsa");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    // the snapshot's class names are mapped to the relocated rules package of the shaded jar
    assertThat(r.stderr()).doesNotContain("snapshot unreadable");
    assertThat(r.stdout()).contains("generated RSA-1024").contains("generated RSA-3072");
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    log.assertChained();
    List<JsonNode> keys = log.action("key-generation");
    assertThat(keys).hasSize(2);
    JsonNode weak = keys.get(0);
    assertThat(weak.path("crypto.key.size").asInt()).isEqualTo(1024);
    assertThat(weak.path("keyaudit.policy").asText()).isEqualTo("nist-800-131a");
    assertThat(weak.path("keyaudit.decision").asText()).isEqualTo("violation");
    assertThat(weak.path("keyaudit.rule").asText()).isEqualTo("KA102");
    assertThat(weak.path("keyaudit.reasons").get(0).asText()).contains("2048");
    JsonNode strong = keys.get(1);
    assertThat(strong.path("keyaudit.decision").asText()).isEqualTo("allow");
  }

  @Test
  void enforceModeBlocksTheWeakKeyBeforeItExistsWithAClearException() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir,
            "log=events.jsonl,mode=enforce,environment=test",
            List.of(),
            "example.app.WeakRsa");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout())
        .contains("blocked: java.security.InvalidParameterException: KeyAudit agent (mode=enforce")
        .contains("RSA 1024 bits")
        .contains("KA102")
        .doesNotContain("generated RSA-1024")
        .contains("generated RSA-3072");
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    log.assertChained();
    List<JsonNode> keys = log.action("key-generation");
    assertThat(keys).hasSize(2);
    JsonNode denied = keys.get(0);
    assertThat(denied.path("event.outcome").asText()).isEqualTo("failure");
    assertThat(denied.path("event.reason").asText()).contains("before any key existed");
    assertThat(denied.path("keyaudit.decision").asText()).isEqualTo("deny");
    assertThat(denied.has("crypto.key.fingerprint")).isFalse();
    assertThat(keys.get(1).path("keyaudit.decision").asText()).isEqualTo("allow");
    JsonNode stop = log.events.get(log.events.size() - 1);
    assertThat(stop.path("keyaudit.denied").asLong()).isEqualTo(1);
  }

  @Test
  void enforceModeBlocksCallersOutsideAllowedCallers() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir,
            "log=events.jsonl,mode=enforce,environment=test,allowedCallers=com.acme.keys",
            List.of(),
            "example.app.WeakRsa");
    // the fixture catches the first refusal only; the second one ends the application
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.stdout()).contains("blocked:").contains("KA501");
    assertThat(r.stderr()).contains("InvalidParameterException").contains("KA501");
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    assertThat(log.action("key-generation"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.path("keyaudit.decision").asText()).isEqualTo("deny"));
  }

  @Test
  void unattributedGenerationIsReportedAsKa503() throws Exception {
    ForkedJvm.Result r = ForkedJvm.run(dir, "log=events.jsonl", List.of(), "example.app.WeakRsa");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    JsonNode strong = log.action("key-generation").get(1);
    assertThat(strong.path("keyaudit.rules")).extracting(JsonNode::asText).containsExactly("KA503");
  }
}
