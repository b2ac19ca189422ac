package dev.keyaudit.cli;

import dev.keyaudit.scanner.KeyAuditVersion;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of the {@code keyaudit} executable jar. Subcommands are listed here explicitly; each
 * one only maps options onto scanner-core (or keygen) and decides the exit code.
 *
 * <p>Exit codes: 0 nothing at or above {@code --fail-on}; 1 findings at or above it (or a refused
 * key generation); 2 usage or fatal error.
 */
@Command(
    name = "keyaudit",
    mixinStandardHelpOptions = true,
    versionProvider = KeyAuditCli.Version.class,
    description = "Checks how cryptographic keys are generated (CSA AICM CEK-10).",
    subcommands = {
      ScanCommand.class,
      RulesCommand.class,
      PoliciesCommand.class,
      KeygenCommand.class,
      AgentCommand.class,
      VerifyLogCommand.class,
      CommandLine.HelpCommand.class
    })
public final class KeyAuditCli implements Runnable {

  /**
   * keygen's evidence records go to {@code --evidence-log} and the command prints a summary; the
   * same JSON on stderr through the JDK's default console handler would only be noise. Held in a
   * field because java.util.logging keeps loggers weakly.
   */
  private static final java.util.logging.Logger KEYGEN_EVIDENCE =
      java.util.logging.Logger.getLogger("dev.keyaudit.keygen.evidence");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    KEYGEN_EVIDENCE.setUseParentHandlers(false);
    System.exit(run(args));
  }

  /** Runs the CLI without exiting the JVM (for tests and embedding). */
  public static int run(String... args) {
    return commandLine().execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new KeyAuditCli());
    cli.setExitCodeExceptionMapper(e -> ExitCodes.ERROR);
    cli.setExecutionExceptionHandler(
        (e, cmd, parseResult) -> {
          cmd.getErr().println("keyaudit: " + describe(e));
          return ExitCodes.ERROR;
        });
    return cli;
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  private static String describe(Exception e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  /** Prints the version filtered into scanner-core at build time. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "keyaudit " + KeyAuditVersion.get(),
        "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
      };
    }
  }
}
