package dev.keyaudit.scanner.archive;

/**
 * One class file to analyse, from a class folder or from inside an archive.
 *
 * @param location the path reports show: relative to the scan root, with {@code !/} between an
 *     archive and its entry ({@code lib/app.jar!/BOOT-INF/lib/dep.jar!/com/acme/Keys.class})
 * @param bytes the class file
 * @param artifact the archive it came from, or null for a class file on disk
 */
public record ClassEntry(String location, byte[] bytes, Artifact artifact) {}
