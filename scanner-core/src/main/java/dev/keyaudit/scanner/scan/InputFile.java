package dev.keyaudit.scanner.scan;

import java.nio.file.Path;

/**
 * A file to scan: where it is on disk and the path reports show, relative to the scan root with
 * {@code /} separators.
 */
public record InputFile(Path path, String relativePath) {}
