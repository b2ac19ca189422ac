package dev.keyaudit.scanner.runtime;

import java.util.List;

/**
 * What {@link EventLogVerifier} found.
 *
 * @param lines lines read
 * @param firstBrokenLine 1-based line where the log stops being trustworthy, or 0 when intact
 * @param problem why that line breaks the log, or null
 * @param notes things that do not break the chain but an auditor should know (restarts, lost events
 *     reported by the agent)
 */
public record VerificationResult(
    int lines, int firstBrokenLine, String problem, List<String> notes) {

  public VerificationResult {
    notes = List.copyOf(notes);
  }

  public boolean intact() {
    return firstBrokenLine == 0;
  }
}
