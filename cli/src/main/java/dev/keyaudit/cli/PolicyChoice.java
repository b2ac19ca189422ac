package dev.keyaudit.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Picks the policy: {@code --policy} when given; otherwise a {@code keyaudit-policy.yaml} at the
 * root of the single folder being scanned (so a project carries its own policy, as it carries its
 * linter configuration); otherwise the default.
 */
final class PolicyChoice {

  static final String PROJECT_POLICY_FILE = "keyaudit-policy.yaml";

  private PolicyChoice() {}

  static String resolve(String option, CommandSpec spec, List<Path> paths, PrintWriter progress) {
    if (spec.commandLine().getParseResult().hasMatchedOption("--policy") || paths.size() != 1) {
      return option;
    }
    Path candidate = paths.get(0).resolve(PROJECT_POLICY_FILE);
    if (!Files.isRegularFile(candidate)) {
      return option;
    }
    if (progress != null) {
      progress.println("keyaudit: using the project's policy file " + candidate);
      progress.flush();
    }
    return candidate.toString();
  }
}
