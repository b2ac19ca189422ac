package dev.keyaudit.cli;

import dev.keyaudit.rules.check.Unresolved;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code --explain}: what KeyAudit could not decide, per rule, with the reason for each call site.
 * "We could not tell" is evidence for an auditor too, so it is listed rather than hidden.
 */
final class ExplainPrinter {
  private final PrintWriter out;

  ExplainPrinter(PrintWriter out) {
    this.out = out;
  }

  void print(ScanResult result) {
    if (result.unresolved().isEmpty()) {
      out.println("Explain: every check was resolved.");
      out.flush();
      return;
    }
    Map<String, java.util.List<Unresolved>> byRule =
        result.unresolved().stream()
            .collect(Collectors.groupingBy(Unresolved::ruleId, TreeMap::new, Collectors.toList()));
    out.printf(
        "Explain: %d call site(s) unresolved (not findings; values unknown statically)%n",
        result.unresolved().size());
    byRule.forEach(
        (rule, items) -> {
          out.printf("  %s: %d unresolved%n", rule, items.size());
          for (Unresolved u : items) {
            out.printf("    %s: %s — %s%n", u.location(), u.what(), u.why());
          }
        });
    out.flush();
  }
}
