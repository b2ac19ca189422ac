package dev.keyaudit.scanner.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.rules.model.Location;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * SARIF {@code physicalLocation}s for KeyAudit locations: repository-relative URIs under {@code
 * %SRCROOT%} and 1-based regions that are always valid (a location without a line gets {@code
 * startLine} 1, as GitHub assumes for a region without one).
 *
 * <p>Paths are percent-encoded where URI syntax needs it (spaces, {@code %}, {@code :}, {@code #},
 * {@code ?}, non-ASCII). An archive entry keeps KeyAudit's own form, {@code
 * lib/app.jar!/com/acme/Keys.class}: {@code !} is legal in a URI path, so it stays a valid relative
 * reference that names the archive and the entry. GitHub cannot open it and will not fingerprint it
 * (it has no such file), which is why the writer supplies the fingerprint itself.
 */
final class SarifLocations {

  static final String SRCROOT = "%SRCROOT%";

  private SarifLocations() {}

  static ObjectNode physical(Location location) {
    ObjectNode physical = JsonOutput.object();
    ObjectNode artifact = physical.putObject("artifactLocation");
    artifact.put("uri", relativeUri(location.path()));
    artifact.put("uriBaseId", SRCROOT);
    physical.set("region", region(location));
    return physical;
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
