package dev.keyaudit.rules.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The invariants every catalog entry keeps: complete metadata, well-formed id and name, and no
 * duplicates. {@link RuleCatalog} refuses to load a catalog that breaks them; the catalog lint test
 * reports them.
 */
public final class CatalogValidator {

  /** Rule ids: "KA" and three digits (ARCHITECTURE.md, "Rule ids"). */
  public static final Pattern ID = Pattern.compile("KA[1-5]\\d{2}");

  private static final Pattern NAME = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)*");
  private static final Pattern SECURITY_SEVERITY = Pattern.compile("(?:10\\.0|\\d\\.\\d)");
  private static final Set<String> PRECISIONS = Set.of("very-high", "high", "medium", "low");
  private static final int MAX_DESCRIPTION = 1024;
  private static final int MAX_NAME = 255;

  private CatalogValidator() {}

  /** Every problem in {@code rules}, one line each; empty when the catalog is sound. */
  public static List<String> problems(List<RuleDescriptor> rules) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    Set<String> names = new HashSet<>();
    for (RuleDescriptor rule : rules) {
      String where = rule.id() == null || rule.id().isBlank() ? "rule without id" : rule.id();
      problems.addAll(metadataProblems(where, rule));
      if (rule.id() != null && !ids.add(rule.id())) {
        problems.add(where + ": duplicate id");
      }
      if (rule.name() != null && !names.add(rule.name())) {
        problems.add(where + ": duplicate name " + rule.name());
      }
    }
    return problems;
  }

  private static List<String> metadataProblems(String where, RuleDescriptor rule) {
    List<String> p = new ArrayList<>();
    blank(p, where, "id", rule.id());
    blank(p, where, "name", rule.name());
    blank(p, where, "title", rule.title());
    blank(p, where, "description", rule.description());
    blank(p, where, "securitySeverity", rule.securitySeverity());
    blank(p, where, "precision", rule.precision());
    blank(p, where, "help", rule.help());
    blank(p, where, "noncompliant", rule.noncompliant());
    blank(p, where, "compliant", rule.compliant());
    if (rule.id() != null && !ID.matcher(rule.id()).matches()) {
      p.add(where + ": id does not match KAnnn");
    }
    if (rule.name() != null
        && (!NAME.matcher(rule.name()).matches() || rule.name().length() > MAX_NAME)) {
      p.add(where + ": name '" + rule.name() + "' is not UpperCamelCase");
    }
    if (rule.title() != null && (rule.title().contains("\n") || rule.title().length() > 120)) {
      p.add(where + ": title must be one line of at most 120 characters");
    }
    if (rule.description() != null && rule.description().strip().length() > MAX_DESCRIPTION) {
      p.add(where + ": description longer than " + MAX_DESCRIPTION + " characters");
    }
    if (rule.defaultSeverity() == null) {
      p.add(where + ": missing defaultSeverity");
    }
    if (rule.guidelines().isEmpty()) {
      p.add(where + ": no CEK-10 auditing guideline");
    } else if (rule.id() != null && ID.matcher(rule.id()).matches()) {
      List<Integer> expected = guidelinesFor(rule.id());
      if (!expected.isEmpty() && !rule.guidelines().equals(expected)) {
        p.add(where + ": guidelines " + rule.guidelines() + " but its range audits " + expected);
      }
    }
    if (rule.cwe().isEmpty()) {
      p.add(where + ": no CWE");
    }
    if (rule.securitySeverity() != null && !validSecuritySeverity(rule.securitySeverity())) {
      p.add(where + ": securitySeverity '" + rule.securitySeverity() + "' not in 0.0..10.0");
    }
    if (rule.precision() != null && !PRECISIONS.contains(rule.precision())) {
      p.add(where + ": precision '" + rule.precision() + "' not one of " + PRECISIONS);
    }
    return p;
  }

  /** CEK-10 auditing guidelines per id range (ARCHITECTURE.md); empty for ranges without one. */
  static List<Integer> guidelinesFor(String id) {
    return switch (id.charAt(2)) {
      case '1' -> List.of(2);
      case '2' -> List.of(3, 9);
      case '3' -> List.of(7);
      default -> List.of();
    };
  }

  private static boolean validSecuritySeverity(String s) {
    if (!SECURITY_SEVERITY.matcher(s).matches()) {
      return false;
    }
    double v = Double.parseDouble(s);
    return v >= 0.0 && v <= 10.0;
  }

  private static void blank(List<String> p, String where, String field, String value) {
    if (value == null || value.isBlank()) {
      p.add(where + ": missing " + field);
    }
  }
}
