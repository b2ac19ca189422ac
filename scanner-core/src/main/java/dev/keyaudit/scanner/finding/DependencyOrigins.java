package dev.keyaudit.scanner.finding;

import dev.keyaudit.scanner.archive.ArchivePath;
import dev.keyaudit.scanner.archive.Artifact;
import dev.keyaudit.scanner.archive.ArtifactLookup;
import java.util.Set;

/**
 * Tells the project's own code from third-party code by a location's path. A location is in a
 * dependency when it lies in an archive that
 *
 * <ul>
 *   <li>was handed to the scan as a dependency (the resolved runtime classpath), or
 *   <li>is bundled in a folder named {@code lib} inside a scanned archive: a Spring Boot fat jar's
 *       {@code BOOT-INF/lib}, a war's {@code WEB-INF/lib}, an ear's {@code lib}.
 * </ul>
 *
 * The outermost such archive is the artifact the finding belongs to (a fat jar's {@code
 * BOOT-INF/classes} are the application's own; its {@code BOOT-INF/lib/x.jar} is a dependency).
 */
public final class DependencyOrigins {

  private static final DependencyOrigins NONE = new DependencyOrigins(Set.of(), null);

  private final Set<String> dependencyFiles;
  private final ArtifactLookup artifacts;

  /**
   * @param dependencyFiles paths of the dependency archives, as the scan names files
   * @param artifacts reads the coordinates of the archives findings are in
   */
  public DependencyOrigins(Set<String> dependencyFiles, ArtifactLookup artifacts) {
    this.dependencyFiles = Set.copyOf(dependencyFiles);
    this.artifacts = artifacts;
  }

  /** Everything is the project's own code (for callers that scan no archives). */
  public static DependencyOrigins none() {
    return NONE;
  }

  /** The dependency the location lies in, or null for the project's own code. */
  public Artifact of(String locationPath) {
    return artifacts == null ? null : archiveOf(locationPath);
  }

  private Artifact archiveOf(String locationPath) {
    String archive = ArchivePath.parse(locationPath).dependencyArchive(dependencyFiles);
    return archive == null ? null : artifacts.artifact(archive);
  }
}
