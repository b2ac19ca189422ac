package dev.keyaudit.scanner.scan;

import dev.keyaudit.rules.check.Evaluation;
import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Unresolved;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import dev.keyaudit.scanner.archive.ArchiveLimits;
import dev.keyaudit.scanner.archive.ArtifactLookup;
import dev.keyaudit.scanner.finding.Baseline;
import dev.keyaudit.scanner.finding.DependencyOrigins;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.finding.FindingFactory;
import dev.keyaudit.scanner.finding.SourceFiles;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The facade every entry point calls: walk the inputs, let each frontend extract facts, let the
 * policy judge them, and turn verdicts into findings. It never throws for bad input — that becomes
 * a {@link Notification} — only for a bad request: {@code PolicyException} for an unknown policy,
 * {@link ScanException} for an unusable baseline.
 */
public final class Scanner {

  private final List<Frontend> frontends;

  public Scanner() {
    this(BuiltInFrontends.all());
  }

  public Scanner(List<Frontend> frontends) {
    this.frontends = List.copyOf(frontends);
  }

  public ScanResult scan(ScanRequest request) {
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    Policy policy = Policies.load(request.policy());
    int targetJdk = targetJdk(request);
    CollectingSink sink = new CollectingSink();

    List<InputFile> files =
        new FileWalker(request.root(), request.filter(), sink::notification)
            .walk(request.walkedPaths());
    request
        .progress()
        .report(
            "scanning %d files under %s (policy %s, target JDK %d)"
                .formatted(files.size(), request.root(), policy.id(), targetJdk));

    Map<String, Integer> filesByFrontend = runFrontends(files, request, targetJdk, sink);

    // Under IGNORE nothing of a dependency was read: classpath jars are not walked and the archive
    // reader leaves bundled libraries unopened, so there is nothing to filter out here.
    PolicyEvaluator evaluator = new PolicyEvaluator(policy);
    var violations = new LinkedHashSet<Violation>();
    List<Unresolved> unresolved = new ArrayList<>();
    for (Fact fact : sink.facts()) {
      Evaluation evaluation = evaluator.evaluate(fact);
      violations.addAll(evaluation.violations());
      unresolved.addAll(evaluation.unresolved());
    }
    FindingFactory factory =
        new FindingFactory(
            new SourceFiles(request.root()),
            sink.suppressions(),
            baseline(request.baseline()),
            origins(request),
            request.dependencyMode());
    List<Finding> findings = factory.findings(violations);

    return new ScanResult(
        request.root(),
        policy.id(),
        targetJdk,
        findings,
        unresolved,
        sink.notifications(),
        filesByFrontend,
        started,
        Duration.ofNanos(System.nanoTime() - startNanos));
  }

  /**
   * The files a scan of {@code request} would hand to some frontend, in the scan's order: the same
   * walk and filter as {@link #scan}, without reading them. For callers that key something on the
   * inputs, such as a result cache.
   */
  public List<InputFile> inputs(ScanRequest request) {
    List<InputFile> files =
        new FileWalker(request.root(), request.filter(), problem -> {}).walk(request.walkedPaths());
    return files.stream().filter(f -> frontends.stream().anyMatch(fe -> fe.accepts(f))).toList();
  }

  private Map<String, Integer> runFrontends(
      List<InputFile> files, ScanRequest request, int targetJdk, CollectingSink sink) {
    ScanContext context =
        new ScanContext(
            targetJdk,
            request.threads(),
            files.stream()
                .map(InputFile::relativePath)
                .collect(java.util.stream.Collectors.toSet()),
            dependencyFiles(request),
            request.dependencyMode());
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Frontend frontend : frontends) {
      List<InputFile> accepted = files.stream().filter(frontend::accepts).toList();
      if (accepted.isEmpty()) {
        continue;
      }
      counts.put(frontend.name(), accepted.size());
      request.progress().report(frontend.name() + ": " + accepted.size() + " files");
      try {
        frontend.analyze(accepted, context, sink);
      } catch (RuntimeException e) {
        // A frontend bug must not cost the user the rest of the scan; it is reported instead.
        sink.notification(
            Notification.error("", 0, frontend.name() + " failed: " + e + " (please report)"));
      }
    }
    return counts;
  }

  /** Dependency archives by the names the walk gives them; their coordinates read on demand. */
  private static DependencyOrigins origins(ScanRequest request) {
    return new DependencyOrigins(
        dependencyFiles(request), new ArtifactLookup(request.root(), ArchiveLimits.DEFAULT));
  }

  /** The dependency files the walk reads, by the names it gives them (none under IGNORE). */
  private static java.util.Set<String> dependencyFiles(ScanRequest request) {
    var dependencyFiles = new java.util.HashSet<String>();
    if (request.dependencyMode() != ScanRequest.DependencyMode.IGNORE
        && !request.dependencies().isEmpty()) {
      new FileWalker(request.root(), request.filter(), problem -> {})
          .walk(request.dependencies())
          .forEach(f -> dependencyFiles.add(f.relativePath()));
    }
    return dependencyFiles;
  }

  private static Baseline baseline(Path file) {
    if (file == null) {
      return Baseline.empty();
    }
    try {
      return Baseline.read(file);
    } catch (NoSuchFileException e) {
      throw new ScanException(
          "baseline file " + file + " does not exist (create it with --update-baseline)", e);
    } catch (IOException e) {
      throw new ScanException("cannot use baseline " + file + ": " + e.getMessage(), e);
    }
  }

  private static int targetJdk(ScanRequest request) {
    if (request.targetJdk() > 0) {
      return request.targetJdk();
    }
    return TargetJdkDetector.detect(request.root()).orElse(TargetJdkDetector.FALLBACK);
  }
}
