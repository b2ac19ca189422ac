package dev.keyaudit.scanner.finding;

import java.util.Set;

/**
 * An in-source waiver: {@code @SuppressWarnings("keyaudit:KA102")} on a declaration or {@code //
 * keyaudit:ignore KA102 -- reason} on (or just above) a line. Covers lines {@code
 * startLine..endLine} of one file. An empty {@code ruleIds} set never happens: a waiver always
 * names its rules; {@value #ALL_RULES} names every rule.
 *
 * @param kind "annotation" or "comment"
 * @param justification the reason given; the comment form requires one
 */
public record Suppression(
    String path,
    int startLine,
    int endLine,
    Set<String> ruleIds,
    String kind,
    String justification) {

  /** The rule id that waives every rule. */
  public static final String ALL_RULES = "*";

  public Suppression {
    ruleIds = Set.copyOf(ruleIds);
  }

  public boolean covers(String ruleId, String filePath, int line) {
    return path.equals(filePath)
        && line >= startLine
        && line <= endLine
        && (ruleIds.contains(ruleId) || ruleIds.contains(ALL_RULES));
  }
}
