package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentArgLineTest {

  private final Path jar = Path.of("/m2/keyaudit-agent.jar").toAbsolutePath();

  private static Map<String, String> options(String... pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put(pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void writesTheAgentWithItsOptionsInAFixedOrderLeavingBlankOnesOut() {
    AgentArgLine line =
        new AgentArgLine(
            jar,
            options(
                "service", "payments",
                "mode", "enforce",
                "log", "/t/events.jsonl",
                "policy", "",
                "tenant", null));
    assertThat(line.arguments())
        .isEqualTo("-javaagent:" + jar + "=log=/t/events.jsonl,mode=enforce,service=payments");
  }

  @Test
  void prependsToAnExistingValueWithoutClobberingIt() {
    AgentArgLine line = new AgentArgLine(jar, options("log", "/t/e.jsonl"));
    assertThat(line.prependTo("-Xmx512m -Dfoo=bar"))
        .isEqualTo("-javaagent:" + jar + "=log=/t/e.jsonl -Xmx512m -Dfoo=bar");
    assertThat(line.prependTo(null)).isEqualTo("-javaagent:" + jar + "=log=/t/e.jsonl");
    assertThat(line.prependTo("  ")).isEqualTo("-javaagent:" + jar + "=log=/t/e.jsonl");
  }

  @Test
  void runningTwiceLoadsTheAgentOnce() {
    AgentArgLine first = new AgentArgLine(jar, options("log", "/a b/e.jsonl", "include", "x,y=1"));
    AgentArgLine second = new AgentArgLine(jar, options("log", "/t/e.jsonl"));
    String once = first.prependTo("-ea");
    assertThat(second.prependTo(once)).isEqualTo("-javaagent:" + jar + "=log=/t/e.jsonl -ea");
  }

  @Test
  void quotesArgumentsWithSpaces() {
    AgentArgLine line = new AgentArgLine(jar, options("log", "/my dir/events.jsonl"));
    assertThat(line.arguments()).isEqualTo("\"-javaagent:" + jar + "=log=/my dir/events.jsonl\"");
    assertThat(AgentArgLine.split(line.prependTo("-Dx=\"a b\" -ea")))
        .containsExactly(line.arguments(), "-Dx=\"a b\"", "-ea");
  }

  @Test
  void aValueTheAgentWouldSplitAtACommaBecomesASystemProperty() {
    AgentArgLine line =
        new AgentArgLine(jar, options("log", "/t/e.jsonl", "tenant", "acme,mode=enforce"));
    assertThat(line.arguments())
        .isEqualTo(
            "-javaagent:" + jar + "=log=/t/e.jsonl -Dkeyaudit.agent.tenant=acme,mode=enforce");
  }

  @Test
  void checksModeAndJoinsLists() {
    assertThat(AgentArgLine.mode(" Enforce")).isEqualTo("enforce");
    assertThatThrownBy(() -> AgentArgLine.mode("block"))
        .hasMessage("mode must be audit or enforce, not 'block'");
    assertThat(AgentArgLine.list(List.of("com.acme", " org.x ", ""))).isEqualTo("com.acme:org.x");
    assertThat(AgentArgLine.list(List.of())).isNull();
    assertThatThrownBy(() -> new AgentArgLine(jar, options("verbose", "true")))
        .hasMessage("unknown agent option 'verbose'");
  }
}
