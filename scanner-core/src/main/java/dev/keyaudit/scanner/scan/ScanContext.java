package dev.keyaudit.scanner.scan;

import java.util.Set;

/**
 * What frontends may know about the scan besides the files.
 *
 * @param targetJdk feature release the scanned code runs on (decides provider defaults)
 * @param threads how many worker threads frontends may use
 * @param scannedFiles relative paths of every file this scan reads, whatever the frontend (the
 *     bytecode frontend leaves a class to the source frontend when its source file is among them)
 * @param dependencyFiles relative paths of the scanned files that are dependencies (the runtime
 *     classpath): their classes are never left to a project source of the same name
 * @param dependencyMode how dependency findings count; under {@link
 *     ScanRequest.DependencyMode#IGNORE} the libraries bundled in an archive are not read at all
 */
public record ScanContext(
    int targetJdk,
    int threads,
    Set<String> scannedFiles,
    Set<String> dependencyFiles,
    ScanRequest.DependencyMode dependencyMode) {

  public ScanContext {
    scannedFiles = Set.copyOf(scannedFiles);
    dependencyFiles = Set.copyOf(dependencyFiles);
  }

  public ScanContext(int targetJdk, int threads, Set<String> scannedFiles) {
    this(targetJdk, threads, scannedFiles, Set.of(), ScanRequest.DependencyMode.WARN);
  }

  public ScanContext(int targetJdk, int threads) {
    this(targetJdk, threads, Set.of());
  }

  /** Whether the libraries bundled in a scanned archive (BOOT-INF/lib, WEB-INF/lib) are read. */
  public boolean readsBundledLibraries() {
    return dependencyMode != ScanRequest.DependencyMode.IGNORE;
  }
}
