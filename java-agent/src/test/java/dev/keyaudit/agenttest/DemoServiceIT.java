package dev.keyaudit.agenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample-projects/agent-demo-service}, compiled from its sources and run with the agent: the
 * log shows the real DRBG behind each key and verifies; enforce mode blocks the weak key.
 */
class DemoServiceIT {

  @TempDir Path dir;
  private Path classes;

  @BeforeEach
  void compileSample() throws Exception {
    Path source =
        Path.of(
            "../sample-projects/agent-demo-service/src/main/java/com/example/demo/DemoService.java");
    assertThat(source).exists();
    classes = Files.createDirectories(dir.resolve("classes"));
    int rc =
        ToolProvider.getSystemJavaCompiler()
            .run(null, null, null, "--release", "17", "-d", classes.toString(), source.toString());
    assertThat(rc).isZero();
  }

  private ForkedJvm.Result runService(String options) throws Exception {
    return ForkedJvm.exec(
        dir,
        List.of(
            ForkedJvm.java().toString(),
            "-javaagent:" + ForkedJvm.agentJar() + "=" + options,
            "-cp",
            classes.toString(),
            "com.example.demo.DemoService"),
        120);
  }

  @Test
  void auditLogShowsTheRealDrbgForEachKeyAndVerifies() throws Exception {
    ForkedJvm.Result r = runService("log=demo.jsonl,service=demo,environment=staging,tenant=acme");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("demo service done").contains("legacy key created");
    EventLines log = EventLines.read(dir.resolve("demo.jsonl"));
    log.assertChained();
    List<JsonNode> keys = log.action("key-generation");
    assertThat(keys)
        .extracting(
            e -> e.path("crypto.algorithm").asText() + "-" + e.path("crypto.key.size").asInt())
        .containsExactly("AES-256", "AES-256", "EC-384", "RSA-3072", "RSA-1024");
    for (JsonNode k : keys) {
      assertThat(k.path("crypto.rng.observed").asBoolean()).isTrue();
      assertThat(k.path("service.name").asText()).isEqualTo("demo");
      assertThat(k.path("code.function.name").asText()).startsWith("com.example.demo.DemoService.");
    }
    JsonNode dataKey = keys.get(0);
    assertThat(dataKey.path("crypto.rng.raw").asText())
        .isEqualTo("Hash_DRBG,SHA-256,256,pr_and_reseed");
    assertThat(dataKey.path("crypto.rng.sp800_90a").asBoolean()).isTrue();
    JsonNode transport = keys.get(3);
    assertThat(transport.path("crypto.rng.algorithm").asText()).isEqualTo("NativePRNG");
    assertThat(transport.path("crypto.rng.sp800_90a").asBoolean()).isFalse();
    assertThat(keys.get(4).path("keyaudit.rules")).extracting(JsonNode::asText).contains("KA102");
  }

  @Test
  void enforceModeRefusesTheLegacyKey() throws Exception {
    ForkedJvm.Result r =
        runService("log=demo.jsonl,service=demo,environment=staging,tenant=acme,mode=enforce");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout())
        .contains("legacy key refused: KeyAudit agent (mode=enforce")
        .doesNotContain("legacy key created")
        .contains("demo service done");
    EventLines log = EventLines.read(dir.resolve("demo.jsonl"));
    log.assertChained();
    assertThat(log.action("key-generation"))
        .filteredOn(e -> "deny".equals(e.path("keyaudit.decision").asText()))
        .singleElement()
        .satisfies(e -> assertThat(e.path("crypto.key.size").asInt()).isEqualTo(1024));
  }
}
