package dev.keyaudit.agent.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentOptionsTest {

  @TempDir Path dir;

  @Test
  void parsesAgentArgumentsWithListsSeparatedByColons() {
    AgentOptions o =
        AgentOptions.load(
            "log=/var/log/k.jsonl,mode=enforce,allowedCallers=com.acme.keys:com.acme.tls.*,tenant=mdc:tenantId",
            new Properties());
    assertThat(o.log()).isEqualTo("/var/log/k.jsonl");
    assertThat(o.mode()).isEqualTo(AgentOptions.Mode.ENFORCE);
    assertThat(o.allowedCallers()).containsExactly("com.acme.keys", "com.acme.tls");
    assertThat(o.tenant()).isEqualTo("mdc:tenantId");
    assertThat(o.policy()).isEqualTo("nist-800-131a");
  }

  @Test
  void argumentsWinOverSystemPropertiesWhichWinOverTheFile() throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("agent.properties"),
            "policy=fips-140-3\nservice=from-file\nenvironment=file-env\n");
    Properties sys = new Properties();
    sys.setProperty("keyaudit.agent.config", file.toString());
    sys.setProperty("keyaudit.agent.service", "from-sysprop");
    sys.setProperty("keyaudit.agent.environment", "sys-env");
    AgentOptions o = AgentOptions.load("environment=arg-env", sys);
    assertThat(o.policy()).isEqualTo("fips-140-3");
    assertThat(o.service()).isEqualTo("from-sysprop");
    assertThat(o.environment()).isEqualTo("arg-env");
  }

  @Test
  void unknownOptionsAndModesAreErrors() {
    assertThatThrownBy(() -> AgentOptions.load("logg=x", new Properties()))
        .hasMessageContaining("unknown agent option \"logg\"");
    AgentOptions bad = AgentOptions.load("mode=block", new Properties());
    assertThatThrownBy(bad::mode).hasMessageContaining("audit or enforce");
  }

  @Test
  void flushIntervalInMillisecondsWithinBounds() {
    assertThat(AgentOptions.load("", new Properties()).flushMillis()).isEqualTo(20);
    assertThat(AgentOptions.load("flush=5", new Properties()).flushMillis()).isEqualTo(5);
    assertThat(AgentOptions.load("flush=250ms", new Properties()).flushMillis()).isEqualTo(250);
    for (String bad : new String[] {"0", "5000", "soon"}) {
      AgentOptions o = AgentOptions.load("flush=" + bad, new Properties());
      assertThatThrownBy(o::flushMillis)
          .hasMessage("flush must be 1 to 1000 milliseconds, not \"" + bad + "\"");
    }
  }

  @Test
  void commaInsideAValueStaysWhenNoKeyFollows() {
    assertThat(AgentOptions.parse("service=a,b,log=none"))
        .containsEntry("service", "a,b")
        .containsEntry("log", "none");
  }

  @Test
  void attributeSourcesResolveFixedSyspropAndEnv() {
    System.setProperty("keyaudit.test.tenant", "acme");
    assertThat(AttributeSource.parse("sysprop:keyaudit.test.tenant").resolve()).isEqualTo("acme");
    assertThat(AttributeSource.parse("prod").resolve()).isEqualTo("prod");
    assertThat(AttributeSource.parse("env:KEYAUDIT_SURELY_UNSET_VAR").resolve()).isNull();
    assertThat(AttributeSource.parse("mdc:tenant").resolve()).as("no SLF4J here").isNull();
    assertThat(AttributeSource.parse(null).resolve()).isNull();
    assertThat(AttributeSource.parse("sysprop:keyaudit.test.tenant").describe())
        .isEqualTo("sysprop:keyaudit.test.tenant");
    assertThat(AttributeSource.parse("mdc:tenant").describe()).isEqualTo("mdc:tenant");
    assertThat(AttributeSource.parse("context").describe()).isEqualTo("context");
    assertThat(AttributeSource.parse("prod").describe()).isEqualTo("prod");
    assertThat(AttributeSource.parse(" ").describe()).isEqualTo("(unset)");
  }
}
