package dev.keyaudit.scanner.archive;

/**
 * Something in an archive that was skipped: a corrupt entry, a limit hit, an unsafe name.
 *
 * @param location the archive or entry concerned, as reports show it
 * @param message what happened and what was skipped
 */
public record ArchiveProblem(String location, String message) {}
