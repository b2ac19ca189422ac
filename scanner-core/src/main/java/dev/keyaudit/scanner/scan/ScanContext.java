package dev.keyaudit.scanner.scan;

import java.util.Set;

/**
 * What frontends may know about the scan besides the files.
 *
 * @param targetJdk feature release the scanned code runs on (decides provider defaults)
 * @param threads how many worker threads frontends may use
 * @param scannedFiles relative paths of every file this scan reads, whatever the frontend (the
 *     bytecode frontend leaves a class to the source frontend when its source file is among them)
 */
public record ScanContext(int targetJdk, int threads, Set<String> scannedFiles) {

  public ScanContext {
    scannedFiles = Set.copyOf(scannedFiles);
  }

  public ScanContext(int targetJdk, int threads) {
    this(targetJdk, threads, Set.of());
  }
}
