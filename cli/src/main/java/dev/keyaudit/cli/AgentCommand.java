package dev.keyaudit.cli;

import com.sun.tools.attach.VirtualMachine;
import java.io.File;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keyaudit agent attach PID}: loads the KeyAudit runtime agent into a running JVM. Best
 * effort: keys generated before the attach, and the init arguments of generators created before it,
 * are not visible; JDK 21+ warns unless the target runs with {@code
 * -XX:+EnableDynamicAgentLoading}. {@code -javaagent} at start-up is the supported mode.
 */
@Command(
    name = "agent",
    mixinStandardHelpOptions = true,
    description = "The KeyAudit runtime agent.",
    subcommands = {AgentCommand.Attach.class})
public final class AgentCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code keyaudit agent attach PID [--options k=v,...] [--agent-jar JAR]}. */
  @Command(
      name = "attach",
      mixinStandardHelpOptions = true,
      description = "Load the agent into the running JVM with process id PID (best effort).")
  static final class Attach implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PID", description = "Process id of the target JVM.")
    long pid;

    @Option(
        names = "--options",
        paramLabel = "OPTIONS",
        description = "Agent options, e.g. log=/var/log/keys.jsonl,mode=audit,tenant=acme.")
    String options = "";

    @Option(
        names = "--agent-jar",
        paramLabel = "JAR",
        description =
            "The keyaudit-agent jar; default: $KEYAUDIT_AGENT_JAR, then next to the keyaudit jar.")
    Path agentJar;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Path jar = agentJar != null ? agentJar : locate();
      if (jar == null || !Files.isRegularFile(jar)) {
        err.println(
            "keyaudit agent attach: agent jar not found; pass --agent-jar or set KEYAUDIT_AGENT_JAR");
        err.flush();
        return ExitCodes.ERROR;
      }
      try {
        VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
        try {
          vm.loadAgent(jar.toAbsolutePath().toString(), options);
        } finally {
          vm.detach();
        }
      } catch (Exception e) {
        err.println("keyaudit agent attach: cannot load the agent into " + pid + ": " + e);
        err.flush();
        return ExitCodes.ERROR;
      }
      out.println("agent loaded into JVM " + pid + " from " + jar);
      out.println("not visible after an attach:");
      out.println("  - keys generated before now");
      out.println("  - init arguments of generators created before now (sizes come from the keys)");
      out.println(
          "  - JVM options that only apply at start-up (-Dkeyaudit.agent.*: use --options)");
      out.flush();
      return ExitCodes.OK;
    }

    /** $KEYAUDIT_AGENT_JAR, else a keyaudit-agent*.jar in the directory of the running CLI jar. */
    static Path locate() {
      String env = System.getenv("KEYAUDIT_AGENT_JAR");
      if (env != null && !env.isBlank()) {
        return Path.of(env);
      }
      try {
        File self =
            new File(
                AgentCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = self.isFile() ? self.toPath().getParent() : self.toPath();
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
          files
              .filter(p -> p.getFileName().toString().matches("keyaudit-agent.*\\.jar"))
              .filter(p -> !p.getFileName().toString().startsWith("original-"))
              .forEach(found::add);
        }
        return found.isEmpty() ? null : found.get(0);
      } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
        return null;
      }
    }
  }
}
