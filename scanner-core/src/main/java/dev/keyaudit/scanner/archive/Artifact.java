package dev.keyaudit.scanner.archive;

/**
 * An archive classes came from, for grouping findings per dependency.
 *
 * @param location the archive's own path ({@code lib/app.jar!/BOOT-INF/lib/dep.jar})
 * @param coordinates {@code groupId:artifactId:version} from the archive's {@code pom.properties},
 *     or null when it has none (or several)
 * @param nested true for a jar inside another archive (a fat jar's library, a war's WEB-INF/lib)
 */
public record Artifact(String location, String coordinates, boolean nested) {

  /** What reports call the artifact: its coordinates when known, else its file name. */
  public String displayName() {
    if (coordinates != null) {
      return coordinates;
    }
    String path = location.replace('\\', '/');
    return path.substring(path.lastIndexOf('/') + 1);
  }
}
