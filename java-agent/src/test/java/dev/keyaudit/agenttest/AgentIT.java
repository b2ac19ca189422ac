package dev.keyaudit.agenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded agent jar, loaded with {@code -javaagent} into fixture applications. */
class AgentIT {

  @TempDir Path dir;

  @Test
  void recordsEachKeyWithSizeFromTheKeyAndTheRngActuallyUsed() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir,
            "log=events.jsonl,policy=none,service=billing,environment=prod,tenant=acme",
            List.of(),
            "example.app.KeyMix");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("done");
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    log.assertChained();

    JsonNode start = log.events.get(0);
    assertThat(start.path("event.action").asText()).isEqualTo("agent-start");
    assertThat(start.path("crypto.config.securerandom.source").asText()).startsWith("file:");
    assertThat(start.path("crypto.config.providers").get(0).asText()).startsWith("SUN ");
    assertThat(start.has("crypto.config.securerandom.drbg.config")).isTrue();

    JsonNode aes = log.at("key-generation", ForkedJvm.markedLine("KeyMix", "aes256"));
    assertThat(aes.path("crypto.algorithm").asText()).isEqualTo("AES");
    assertThat(aes.path("crypto.key.size").asInt()).isEqualTo(256);
    assertThat(aes.path("crypto.provider.name").asText()).isEqualTo("SunJCE");
    assertThat(aes.path("crypto.key.size_explicit").asBoolean()).isTrue();
    assertThat(aes.path("crypto.rng.explicit").asBoolean()).isFalse();
    // a stock Linux JVM's default is NativePRNG, not an SP 800-90A DRBG
    assertThat(aes.path("crypto.rng.algorithm").asText()).isEqualTo("NativePRNG");
    assertThat(aes.path("crypto.rng.sp800_90a").asBoolean()).isFalse();
    assertThat(aes.path("code.function.name").asText()).isEqualTo("example.app.KeyMix.main");
    assertThat(aes.path("code.file.path").asText()).isEqualTo("KeyMix.java");
    assertThat(aes.path("event.provider").asText()).isEqualTo("keyaudit-agent");
    assertThat(aes.path("thread.name").asText()).isEqualTo("main");
    assertThat(aes.path("service.name").asText()).isEqualTo("billing");
    assertThat(aes.path("deployment.environment.name").asText()).isEqualTo("prod");
    assertThat(aes.path("organization.id").asText()).isEqualTo("acme");
    assertThat(aes.path("event.outcome").asText()).isEqualTo("success");
    assertThat(aes.has("crypto.key.fingerprint"))
        .as("secret keys are never fingerprinted")
        .isFalse();

    JsonNode drbg = log.at("key-generation", ForkedJvm.markedLine("KeyMix", "aes128-drbg"));
    assertThat(drbg.path("crypto.key.size").asInt()).isEqualTo(128);
    assertThat(drbg.path("crypto.rng.explicit").asBoolean()).isTrue();
    assertThat(drbg.path("crypto.rng.algorithm").asText()).isEqualTo("DRBG");
    assertThat(drbg.path("crypto.rng.mechanism").asText()).isEqualTo("Hash_DRBG");
    assertThat(drbg.path("crypto.rng.strength").asInt()).isEqualTo(256);
    assertThat(drbg.path("crypto.rng.prediction_resistance").asBoolean()).isTrue();
    assertThat(drbg.path("crypto.rng.capability").asText()).isEqualTo("pr_and_reseed");
    assertThat(drbg.path("crypto.rng.reseeds").asInt()).isEqualTo(1);
    assertThat(drbg.path("crypto.rng.sp800_90a").asBoolean()).isTrue();
    assertThat(drbg.path("crypto.rng.raw").asText())
        .isEqualTo("Hash_DRBG,SHA-256,256,pr_and_reseed");

    JsonNode rsa = log.at("key-generation", ForkedJvm.markedLine("KeyMix", "rsa2048"));
    assertThat(rsa.path("crypto.key.size").asInt()).isEqualTo(2048);
    assertThat(rsa.path("crypto.key.type").asText()).isEqualTo("key-pair");
    assertThat(rsa.path("crypto.key.fingerprint").asText()).matches("[0-9a-f]{64}");

    JsonNode ec = log.at("key-generation", ForkedJvm.markedLine("KeyMix", "ec-p256"));
    assertThat(ec.path("crypto.key.curve").asText()).isEqualTo("secp256r1");
    assertThat(ec.path("crypto.key.size").asInt()).isEqualTo(256);

    // no init: the size is read from the key, and differs between JDK 17 and 19+
    JsonNode ecDefault = log.at("key-generation", ForkedJvm.markedLine("KeyMix", "ec-default"));
    assertThat(ecDefault.path("crypto.key.size_explicit").asBoolean()).isFalse();
    int expectedEc = Runtime.version().feature() >= 19 ? 384 : 256;
    assertThat(ecDefault.path("crypto.key.size").asInt()).isEqualTo(expectedEc);

    JsonNode des = log.at("key-generation", ForkedJvm.markedLine("KeyMix", "des"));
    assertThat(des.path("crypto.key.size").asInt()).isEqualTo(56);

    JsonNode spec = log.at("key-construction", ForkedJvm.markedLine("KeyMix", "secret-key-spec"));
    assertThat(spec.path("crypto.key.size").asInt()).isEqualTo(128);
    JsonNode loaded = log.at("key-load", ForkedJvm.markedLine("KeyMix", "key-factory"));
    assertThat(loaded.path("crypto.algorithm").asText()).isEqualTo("RSA");
    assertThat(loaded.path("crypto.key.size").asInt()).isEqualTo(2048);

    assertThat(log.action("key-generation")).hasSize(6);
    assertThat(String.join("\n", log.raw))
        .as("the log holds no key material")
        .doesNotContain("\"crypto.key.material\"");
    JsonNode stop = log.events.get(log.events.size() - 1);
    assertThat(stop.path("event.action").asText()).isEqualTo("agent-stop");
    assertThat(stop.path("keyaudit.events_lost").asLong()).isZero();
  }

  @Test
  void anyProviderOrderAndAThirdPartyGeneratorAreCovered() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir, "log=events.jsonl,providers=example.app", List.of(), "example.app.ProviderOrder");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    // once in CI this log came out empty with exit 0: keep the forked JVM's stderr if it recurs
    assertThat(log.action("agent-start"))
        .as("stderr of the forked JVM:%n%s", r.stderr())
        .hasSize(1);
    JsonNode aes = log.at("key-generation", ForkedJvm.markedLine("ProviderOrder", "aes"));
    assertThat(aes.path("crypto.provider.name").asText()).isEqualTo("SunJCE");
    assertThat(aes.path("crypto.rng.observed").asBoolean()).isTrue();
    JsonNode ec = log.at("key-generation", ForkedJvm.markedLine("ProviderOrder", "ec"));
    assertThat(ec.path("crypto.key.curve").asText()).isEqualTo("secp384r1");
    // the Toy generator is one generation (nested JDK RSA is not counted twice), by the app
    JsonNode toy = log.at("key-generation", ForkedJvm.markedLine("ProviderOrder", "toy"));
    assertThat(toy.path("crypto.provider.name").asText()).isEqualTo("Toy");
    assertThat(toy.path("crypto.key.size").asInt()).isEqualTo(1024);
    assertThat(toy.path("code.function.name").asText()).isEqualTo("example.app.ProviderOrder.main");
    assertThat(toy.path("keyaudit.rule").asText()).isEqualTo("KA102");
    assertThat(log.action("key-generation")).hasSize(3);
  }

  @Test
  void directCallSitesNameTheirCallerWithoutAStackWalkAndReflectionIsStillWalked()
      throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(dir, "log=events.jsonl,policy=none", List.of(), "example.app.CallSitesMix");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("done");
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    log.assertChained();
    for (String mark : List.of("direct-pair", "direct-secret", "reflective")) {
      JsonNode e = log.at("key-generation", ForkedJvm.markedLine("CallSitesMix", mark));
      assertThat(e.path("code.function.name").asText())
          .as(mark)
          .isEqualTo("example.app.CallSitesMix.main");
      assertThat(e.path("code.file.path").asText()).as(mark).isEqualTo("CallSitesMix.java");
    }
    assertThat(
            log.at("key-generation", ForkedJvm.markedLine("CallSitesMix", "lambda"))
                .path("code.function.name")
                .asText())
        .startsWith("example.app.CallSitesMix.lambda$main$");
    // the null receiver's marker was not taken by the reflective call: four keys, each at its line
    assertThat(log.action("key-generation")).hasSize(4);
    assertThat(log.action("agent-stop").get(0).path("keyaudit.callers_from_call_sites").asLong())
        .as("the two direct calls and the lambda; the reflective call was walked")
        .isEqualTo(3);
  }

  @Test
  void excludedCallersAreNotRecordedAndIncludeSelectsCallers() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir,
            "log=events.jsonl,policy=none,exclude=example.app.KeyMix",
            List.of(),
            "example.app.KeyMix");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    assertThat(log.action("key-generation")).isEmpty();
    assertThat(log.action("agent-stop")).hasSize(1);
    ForkedJvm.Result included =
        ForkedJvm.run(
            dir,
            "log=included.jsonl,policy=none,include=example.app",
            List.of(),
            "example.app.KeyMix");
    assertThat(included.exitCode()).as(included.stderr()).isZero();
    assertThat(EventLines.read(dir.resolve("included.jsonl")).action("key-generation")).hasSize(6);
  }

  @Test
  void jarHoldsOnlyTheAgentsOwnPackages() throws Exception {
    Set<String> foreign = new HashSet<>();
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      for (JarEntry e : java.util.Collections.list(jar.entries())) {
        String n = e.getName();
        if (!n.startsWith("dev/keyaudit/agent/")
            && !n.startsWith("META-INF/")
            && !n.equals("dev/")
            && !n.equals("dev/keyaudit/")) {
          foreign.add(n);
        }
        if (n.startsWith("META-INF/services/") && !n.endsWith("/")) {
          assertThat(n).startsWith("META-INF/services/dev.keyaudit.agent.");
        }
      }
      assertThat(jar.getManifest().getMainAttributes().getValue("Premain-Class"))
          .isEqualTo("dev.keyaudit.agent.AgentEntry");
      assertThat(jar.getEntry("dev/keyaudit/agent/shaded/bytebuddy/ByteBuddy.class")).isNotNull();
      // built-in policies are judged from the snapshot, not the YAML (PolicySnapshot)
      assertThat(jar.getEntry("dev/keyaudit/agent/policy/built-in-policies.ser")).isNotNull();
    }
    assertThat(foreign).isEmpty();
  }

  @Test
  void eightThreadsGeneratingKeysLoseNoEvent() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir,
            "log=events.jsonl,policy=none",
            List.of(),
            "example.app.ConcurrentKeys",
            "8",
            "250");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    log.assertChained();
    List<JsonNode> keys = log.action("key-generation");
    assertThat(keys).hasSize(2000);
    assertThat(keys.stream().map(e -> e.path("thread.name").asText()).distinct()).hasSize(8);
    assertThat(log.action("events-lost")).isEmpty();
    JsonNode stop = log.events.get(log.events.size() - 1);
    assertThat(stop.path("keyaudit.key_events").asLong()).isEqualTo(2000);
    assertThat(stop.path("keyaudit.events_lost").asLong()).isZero();
  }

  @Test
  void aFullQueueCountsAndLogsLostEventsInsteadOfBlocking() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir,
            "log=events.jsonl,policy=none,queue=4",
            List.of(),
            "example.app.ConcurrentKeys",
            "8",
            "250");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    log.assertChained();
    JsonNode stop = log.events.get(log.events.size() - 1);
    long lost = stop.path("keyaudit.events_lost").asLong();
    assertThat(lost).isPositive();
    assertThat(log.action("key-generation").size() + lost).isEqualTo(2000);
    assertThat(log.action("events-lost")).isNotEmpty();
  }

  @Test
  void anUnwritableLogPathDoesNotStopTheApplication() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file.txt"), "x");
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir,
            "log=" + notADirectory.resolve("events.jsonl") + ",policy=none",
            List.of(),
            "example.app.KeyMix");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("done");
    assertThat(r.stderr()).contains("cannot write the event log");
  }

  @Test
  void tlsHandshakeKeysAreClassifiedAndCountedNotLoggedOneByOne() throws Exception {
    Path store = dir.resolve("tls.p12");
    ForkedJvm.Result keytool =
        ForkedJvm.exec(
            dir,
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "server",
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=localhost",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit",
                "-keypass",
                "changeit"),
            60);
    assertThat(keytool.exitCode()).as(keytool.stderr()).isZero();
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir,
            "log=events.jsonl,policy=none",
            List.of(),
            "example.app.TlsLoopback",
            store.toString(),
            "changeit",
            "4");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    assertThat(r.stdout()).contains("handshakes 4");
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    log.assertChained();
    assertThat(log.action("key-generation")).as("no line per handshake key").isEmpty();
    List<JsonNode> summaries = log.action("key-generation-summary");
    long ephemeral =
        summaries.stream()
            .filter(e -> "tls-ephemeral".equals(e.path("crypto.purpose").asText()))
            .mapToLong(e -> e.path("keyaudit.count").asLong())
            .sum();
    long derivations =
        summaries.stream()
            .filter(e -> "derivation".equals(e.path("crypto.purpose").asText()))
            .mapToLong(e -> e.path("keyaudit.count").asLong())
            .sum();
    assertThat(ephemeral).as("ephemeral key pairs of 4 handshakes").isGreaterThanOrEqualTo(4);
    assertThat(derivations).as("SunTls* derivations of the TLS 1.2 handshakes").isPositive();
  }

  @Test
  void oneRngServingTwoTenantsIsReported() throws Exception {
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir, "log=events.jsonl,policy=none,tenant=context", List.of(), "example.app.Tenants");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    EventLines log = EventLines.read(dir.resolve("events.jsonl"));
    List<JsonNode> keys = log.action("key-generation");
    assertThat(keys)
        .extracting(e -> e.path("organization.id").asText())
        .containsExactly("acme", "globex");
    List<JsonNode> shared = log.action("rng-shared");
    assertThat(shared).hasSize(1);
    assertThat(shared.get(0).path("organization.id").asText()).isEqualTo("globex");
    assertThat(shared.get(0).path("keyaudit.shared_with").get(0).asText()).isEqualTo("tenant:acme");
  }

  @Test
  void jfrRecordingWithTheShippedJfcContainsKeyGenerationEvents() throws Exception {
    Path jfc = dir.resolve("keyaudit.jfc");
    try (JarFile jar = new JarFile(ForkedJvm.agentJar().toFile())) {
      Files.copy(jar.getInputStream(jar.getEntry("dev/keyaudit/agent/keyaudit.jfc")), jfc);
    }
    Path recording = dir.resolve("keys.jfr");
    ForkedJvm.Result r =
        ForkedJvm.run(
            dir,
            "log=none,policy=none",
            List.of("-XX:StartFlightRecording=settings=" + jfc + ",filename=" + recording),
            "example.app.KeyMix");
    assertThat(r.exitCode()).as(r.stderr()).isZero();
    List<RecordedEvent> events =
        RecordingFile.readAllEvents(recording).stream()
            .filter(e -> e.getEventType().getName().equals("keyaudit.KeyGeneration"))
            .toList();
    assertThat(events).isNotEmpty();
    RecordedEvent first = events.get(0);
    assertThat(first.getEventType().getCategoryNames()).containsExactly("Security", "Cryptography");
    assertThat(events).anySatisfy(e -> assertThat(e.getString("rngRaw")).startsWith("Hash_DRBG"));
  }

  @Test
  void dynamicAttachSeesKeysFromThenOnAndSaysWhatItMissed() throws Exception {
    Path stopFile = dir.resolve("stop");
    Path stdout = dir.resolve("looper.out");
    Process looper =
        new ProcessBuilder(
                ForkedJvm.java().toString(),
                "-cp",
                ForkedJvm.classpath(),
                "example.app.Looper",
                stopFile.toString())
            .directory(dir.toFile())
            .redirectOutput(stdout.toFile())
            .redirectErrorStream(true)
            .start();
    try {
      long deadline = System.currentTimeMillis() + 30_000;
      while (!Files.readString(stdout).contains("ready") && System.currentTimeMillis() < deadline) {
        Thread.sleep(50);
      }
      ForkedJvm.Result attach =
          ForkedJvm.exec(
              dir,
              List.of(
                  ForkedJvm.java().toString(),
                  "-jar",
                  ForkedJvm.agentJar().toString(),
                  Long.toString(looper.pid()),
                  "log=" + dir.resolve("events.jsonl") + ",policy=none"),
              60);
      assertThat(attach.exitCode()).as(attach.stderr() + attach.stdout()).isZero();
      assertThat(attach.stdout()).contains("not visible after an attach");
      Path log = dir.resolve("events.jsonl");
      deadline = System.currentTimeMillis() + 30_000;
      while ((!Files.exists(log) || !Files.readString(log).contains("\"key-generation\""))
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(100);
      }
      Files.writeString(stopFile, "stop");
      assertThat(looper.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      EventLines events = EventLines.read(log);
      assertThat(events.events.get(0).path("event.action").asText()).isEqualTo("agent-attach");
      assertThat(events.events.get(0).path("keyaudit.coverage")).isNotEmpty();
      JsonNode key = events.action("key-generation").get(0);
      // init(256) happened before the attach: the size still comes from the key
      assertThat(key.path("crypto.key.size").asInt()).isEqualTo(256);
      assertThat(key.path("crypto.key.size_explicit").asBoolean()).isFalse();
    } finally {
      looper.destroyForcibly();
    }
  }
}
