package dev.keyaudit.cli;

import dev.keyaudit.scanner.runtime.EventLogVerifier;
import dev.keyaudit.scanner.runtime.VerificationResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code keyaudit verify-log FILE}: checks the hash chain and sequence of a KeyAudit agent event
 * log. Exit 0 when intact, 1 when broken (naming the first broken line), 2 when unreadable.
 */
@Command(
    name = "verify-log",
    mixinStandardHelpOptions = true,
    description =
        "Verify the hash chain and sequence numbers of a KeyAudit agent event log (JSON Lines).")
public final class VerifyLogCommand implements Callable<Integer> {

  static final int INTACT = 0;
  static final int BROKEN = 1;
  static final int ERROR = 2;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "FILE", description = "The agent's event log.")
  Path file;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isRegularFile(file)) {
      err.println("keyaudit verify-log: no such file: " + file);
      err.flush();
      return ERROR;
    }
    VerificationResult r;
    try {
      r = new EventLogVerifier().verify(file);
    } catch (IOException | RuntimeException e) {
      err.println("keyaudit verify-log: cannot read " + file + ": " + e.getMessage());
      err.flush();
      return ERROR;
    }
    if (r.intact()) {
      out.println(file + ": intact (" + r.lines() + " lines, hash chain and sequence verified)");
    } else {
      out.println(file + ": BROKEN at line " + r.firstBrokenLine() + ": " + r.problem());
    }
    r.notes().forEach(n -> out.println("  note: " + n));
    out.flush();
    return r.intact() ? INTACT : BROKEN;
  }
}
