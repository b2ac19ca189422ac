package dev.keyaudit.agenttest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyaudit.agent.AgentInstaller;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.util.List;
import java.util.jar.JarFile;
import javax.crypto.KeyGenerator;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent installed into the test JVM itself (ByteBuddy's self-attach), the way ByteBuddy tests
 * its own agents; surefire runs each test class in a fresh JVM, so the instrumentation ends here.
 */
class InJvmAgentTest {

  @TempDir Path dir;

  @Test
  void installsObservesAndUninstalls() throws Exception {
    Instrumentation inst = ByteBuddyAgent.install();
    File classes =
        new File(AgentInstaller.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Method bootstrapJar =
        Class.forName("dev.keyaudit.agent.AgentEntry")
            .getDeclaredMethod("bootstrapJar", File.class);
    bootstrapJar.setAccessible(true);
    inst.appendToBootstrapClassLoaderSearch(
        new JarFile(((Path) bootstrapJar.invoke(null, classes)).toFile()));
    Path log = dir.resolve("events.jsonl");
    AgentInstaller.Handle agent =
        AgentInstaller.install(
            "log=" + log + ",policy=nist-800-131a,environment=test", inst, false);
    try {
      KeyGenerator aes = KeyGenerator.getInstance("AES");
      aes.init(192);
      aes.generateKey();
      KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
      rsa.initialize(1024);
      rsa.generateKeyPair();
    } finally {
      agent.uninstall();
    }
    KeyGenerator.getInstance("AES").generateKey(); // after uninstall: not recorded
    EventLines events = EventLines.read(log);
    events.assertChained();
    List<JsonNode> keys = events.action("key-generation");
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).path("crypto.key.size").asInt()).isEqualTo(192);
    assertThat(keys.get(0).path("code.function.name").asText())
        .isEqualTo(InJvmAgentTest.class.getName() + ".installsObservesAndUninstalls");
    assertThat(keys.get(1).path("keyaudit.rule").asText()).isEqualTo("KA102");
  }
}
