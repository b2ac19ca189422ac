package dev.keyaudit.scanner.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.scanner.archive.ArchivePath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * SARIF {@code physicalLocation}s for KeyAudit locations: repository-relative URIs under {@code
 * %SRCROOT%} and 1-based regions that are always valid (a location without a line gets {@code
 * startLine} 1, as GitHub assumes for a region without one).
 *
 * <p>Paths are percent-encoded where URI syntax needs it (spaces, {@code %}, {@code :}, {@code #},
 * {@code ?}, non-ASCII). An archive entry is written the way a {@code jar:} URL names it, the
 * archive's own path first and {@code !/} before each entry ({@code
 * dist/app.jar!/BOOT-INF/lib/dep.jar!/com/acme/Keys.class}): relative to {@code %SRCROOT%} when the
 * archive is under the scan root, so the file stays the same on every machine; a complete {@code
 * jar:file:///…} URI when it is not (a dependency jar in the local Maven repository). One URI then
 * says where the class is, which GitHub needs (it reads only {@code uri}, never {@code index}, and
 * keys alerts on it, so two jars that bundle the same class stay two alerts). GitHub cannot open
 * such a file and will not fingerprint it, which is why the writer supplies the fingerprint itself;
 * the archives themselves are described as SARIF nested artifacts by {@link SarifArtifacts}.
 */
final class SarifLocations {

  static final String SRCROOT = "%SRCROOT%";

  private SarifLocations() {}

  static ObjectNode physical(Location location) {
    ObjectNode physical = JsonOutput.object();
    physical.set("artifactLocation", artifactLocation(location.path()));
    physical.set("region", region(location));
    return physical;
  }

  /** An {@code artifactLocation} for a path as KeyAudit names files (see the class comment). */
  static ObjectNode artifactLocation(String path) {
    ObjectNode artifact = JsonOutput.object();
    ArchivePath parts = ArchivePath.parse(path);
    if (isAbsolute(parts.file())) {
      // Outside the scan root: an absolute URI, which SARIF forbids a uriBaseId for.
      String file = Path.of(parts.file()).toUri().toString();
      if (!parts.inArchive()) {
        artifact.put("uri", file);
      } else {
        String entries = path.substring(parts.file().length());
        artifact.put("uri", "jar:" + file + relativeUri(entries));
      }
      return artifact;
    }
    artifact.put("uri", relativeUri(path));
    artifact.put("uriBaseId", SRCROOT);
    return artifact;
  }

  static boolean isAbsolute(String path) {
    if (path.startsWith("/")) {
      return true;
    }
    try {
      return Path.of(path).isAbsolute();
    } catch (java.nio.file.InvalidPathException e) {
      return false;
    }
  }

  /** {@code {"physicalLocation": …}}, the shape of {@code result.locations[]}. */
  static ObjectNode location(Location location) {
    ObjectNode node = JsonOutput.object();
    node.set("physicalLocation", physical(location));
    return node;
  }

  static ObjectNode region(Location location) {
    ObjectNode region = JsonOutput.object();
    if (!location.hasLine()) {
      region.put("startLine", 1);
      return region;
    }
    int startLine = location.startLine();
    region.put("startLine", startLine);
    if (location.startColumn() > 0) {
      region.put("startColumn", location.startColumn());
    }
    int endLine = location.endLine() >= startLine ? location.endLine() : startLine;
    if (endLine > startLine) {
      region.put("endLine", endLine);
    }
    // endColumn is exclusive: on one line it must lie after startColumn to describe anything.
    if (location.endColumn() > 0
        && (endLine > startLine || location.endColumn() > location.startColumn())) {
      region.put("endColumn", location.endColumn());
    }
    return region;
  }

  /** The scan root as an absolute {@code file:} URI ending in {@code /}. */
  static String rootUri(Path root) {
    String uri = root.toAbsolutePath().normalize().toUri().toString();
    return uri.endsWith("/") ? uri : uri + "/";
  }

  /** A relative path as a relative URI reference: RFC 3986 path characters kept, others encoded. */
  static String relativeUri(String path) {
    StringBuilder uri = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (isPathChar(c)) {
        uri.append((char) c);
      } else {
        uri.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        uri.append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return uri.toString();
  }

  /**
   * Unreserved, sub-delims, {@code @} and {@code /}. Not {@code :}, which in a first segment would
   * read as a scheme.
   */
  private static boolean isPathChar(int c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || "-._~!$&'()*+,;=@/".indexOf(c) >= 0;
  }
}
