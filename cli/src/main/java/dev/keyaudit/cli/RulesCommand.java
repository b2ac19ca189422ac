package dev.keyaudit.cli;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.catalog.RuleDescriptor;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code keyaudit rules [ID]}: lists the catalog, or explains one rule with its examples. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List the rules, or explain one rule (e.g. keyaudit rules KA102).")
final class RulesCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "ID", description = "A rule id such as KA102.")
  String id;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    RuleCatalog catalog = RuleCatalog.builtIn();
    if (id == null) {
      out.printf("%-6s %-8s %-32s %s%n", "ID", "LEVEL", "NAME", "TITLE");
      for (RuleDescriptor r : catalog.rules()) {
        out.printf(
            "%-6s %-8s %-32s %s%n", r.id(), r.defaultSeverity().sarifLevel(), r.name(), r.title());
      }
      out.flush();
      return ExitCodes.OK;
    }
    RuleDescriptor rule =
        catalog
            .find(id.trim().toUpperCase(java.util.Locale.ROOT))
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown rule '" + id + "'; run 'keyaudit rules' for the list"));
    out.println(rule.id() + " " + rule.name() + ": " + rule.title());
    out.println();
    out.println(rule.description().strip());
    out.println();
    out.printf(
        "Default level: %s (security-severity %s) · CEK-10 auditing guideline(s): %s · CWE: %s%n",
        rule.defaultSeverity().sarifLevel(),
        rule.securitySeverity(),
        rule.guidelines().stream().map(String::valueOf).collect(Collectors.joining(", ")),
        rule.cwe().stream().map(n -> "CWE-" + n).collect(Collectors.joining(", ")));
    out.println();
    out.println(rule.helpMarkdown());
    out.flush();
    return ExitCodes.OK;
  }
}
