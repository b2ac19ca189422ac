package dev.keyaudit.cli;

import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code keyaudit policies}: the built-in policies a scan can be judged by. */
@Command(
    name = "policies",
    mixinStandardHelpOptions = true,
    description = "List the built-in policies (use one with scan --policy ID).")
final class PoliciesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    for (Policy p : Policies.builtIn()) {
      String marker = p.id().equals(Policies.DEFAULT_ID) ? " (default)" : "";
      out.println(p.id() + marker + ": " + p.title());
      out.println("    " + p.description().strip().replace("\n", "\n    "));
    }
    out.println();
    out.println(
        "A policy file can extend one of these: 'extends: nist-800-131a', then override"
            + " thresholds. See the README, section Policies.");
    out.flush();
    return ExitCodes.OK;
  }
}
