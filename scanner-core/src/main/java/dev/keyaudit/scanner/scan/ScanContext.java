package dev.keyaudit.scanner.scan;

/**
 * What frontends may know about the scan besides the files.
 *
 * @param targetJdk feature release the scanned code runs on (decides provider defaults)
 * @param threads how many worker threads frontends may use
 */
public record ScanContext(int targetJdk, int threads) {}
