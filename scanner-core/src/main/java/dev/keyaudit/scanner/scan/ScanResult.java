package dev.keyaudit.scanner.scan;

import dev.keyaudit.rules.check.Unresolved;
import dev.keyaudit.scanner.finding.Finding;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one scan produced; report writers read only this.
 *
 * @param root the scan root; finding paths are relative to it
 * @param policyId the policy that judged the facts
 * @param targetJdk the JDK release provider defaults were taken for
 * @param findings sorted by path, line, rule
 * @param unresolved rule checks that could not be decided (values unknown statically)
 * @param notifications inputs that could not be read, and other scan problems
 * @param filesByFrontend how many files each frontend read
 */
public record ScanResult(
    Path root,
    String policyId,
    int targetJdk,
    List<Finding> findings,
    List<Unresolved> unresolved,
    List<Notification> notifications,
    Map<String, Integer> filesByFrontend,
    Instant startedAt,
    Duration duration) {

  public ScanResult {
    findings = List.copyOf(findings);
    unresolved = List.copyOf(unresolved);
    notifications = List.copyOf(notifications);
    filesByFrontend = Map.copyOf(filesByFrontend);
  }

  public List<Finding> activeFindings() {
    return findings.stream().filter(Finding::active).toList();
  }
}
