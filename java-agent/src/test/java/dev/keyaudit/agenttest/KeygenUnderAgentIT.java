package dev.keyaudit.agenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyaudit.keygen.CompliantKeys;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference generator seen from outside: under the agent, every key keyaudit-keygen makes is
 * observed as drawn from an SP 800-90A DRBG of at least the key's strength.
 */
class KeygenUnderAgentIT {

  @TempDir Path dir;

  @Test
  void agentReportsKeygensDrbgAsSp80090a() throws Exception {
    String keygenClasses =
        Path.of(CompliantKeys.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString();
    ForkedJvm.Result r =
        ForkedJvm.exec(
            dir,
            List.of(
                ForkedJvm.java().toString(),
                "-javaagent:"
                    + ForkedJvm.agentJar()
                    + "=log=keys.jsonl,policy=nist-800-131a,environment=staging,tenant=acme",
                "-cp",
                ForkedJvm.classpath() + File.pathSeparator + keygenClasses,
                KeygenApp.class.getName()),
            120);

    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("keygen app done");
    EventLines log = EventLines.read(dir.resolve("keys.jsonl"));
    log.assertChained();
    List<JsonNode> keys = log.action("key-generation");
    assertThat(keys)
        .extracting(
            e -> e.path("crypto.algorithm").asText() + "-" + e.path("crypto.key.size").asInt())
        .containsExactly("AES-256", "EC-384");
    for (JsonNode key : keys) {
      assertThat(key.path("crypto.rng.observed").asBoolean()).isTrue();
      assertThat(key.path("crypto.rng.algorithm").asText()).isEqualTo("DRBG");
      assertThat(key.path("crypto.rng.sp800_90a").asBoolean()).as(key.toString()).isTrue();
      assertThat(key.path("crypto.rng.strength").asInt()).isGreaterThanOrEqualTo(192);
      assertThat(key.path("keyaudit.rules")).isEmpty();
    }
  }
}
