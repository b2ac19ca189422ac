package dev.keyaudit.scanner.cache;

import dev.keyaudit.rules.check.Unresolved;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanResult;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The stored form of one cached scan: its key and its result, with the path and time fields as
 * plain text and numbers so that the record maps onto JSON without extra Jackson modules.
 */
record CachedScan(
    String key,
    String root,
    String policyId,
    int targetJdk,
    List<Finding> findings,
    List<Unresolved> unresolved,
    List<Notification> notifications,
    Map<String, Integer> filesByFrontend,
    String startedAt,
    long durationNanos) {

  static CachedScan of(String key, ScanResult result) {
    return new CachedScan(
        key,
        result.root().toString(),
        result.policyId(),
        result.targetJdk(),
        result.findings(),
        result.unresolved(),
        result.notifications(),
        result.filesByFrontend(),
        result.startedAt().toString(),
        result.duration().toNanos());
  }

  ScanResult result() {
    return new ScanResult(
        Path.of(root),
        policyId,
        targetJdk,
        findings,
        unresolved,
        notifications,
        filesByFrontend,
        Instant.parse(startedAt),
        Duration.ofNanos(durationNanos));
  }
}
