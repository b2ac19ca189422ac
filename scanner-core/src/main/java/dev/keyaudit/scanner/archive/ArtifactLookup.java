package dev.keyaudit.scanner.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Names the archives findings were reported in, after the scan: opens an archive (and the nested
 * archives on its path) once more and reads only its {@code pom.properties}. Only archives that
 * hold a finding are opened, so a whole dependency tree costs nothing extra; each is read once
 * (results are cached). An archive that cannot be read keeps its path as its name. Thread-safe.
 */
public final class ArtifactLookup {

  private final Path root;
  private final ArchiveLimits limits;
  private final Map<String, Artifact> artifacts = new ConcurrentHashMap<>();

  /**
   * @param root what relative archive paths are relative to (the scan root)
   * @param limits bounds for reading nested archives (a nested jar is read into memory)
   */
  public ArtifactLookup(Path root, ArchiveLimits limits) {
    this.root = root.toAbsolutePath().normalize();
    this.limits = limits;
  }

  /** The artifact at {@code archiveLocation} ({@code dist/app.jar!/BOOT-INF/lib/dep.jar}). */
  public Artifact artifact(String archiveLocation) {
    return artifacts.computeIfAbsent(archiveLocation, this::read);
  }

  private Artifact read(String location) {
    ArchivePath path = ArchivePath.parse(location);
    String coordinates;
    try {
      coordinates = PomProperties.coordinates(pomProperties(path));
    } catch (IOException | RuntimeException e) {
      coordinates = null; // The finding stands; only the artifact's name is missing.
    }
    return new Artifact(location, coordinates, path.inArchive());
  }

  private List<Properties> pomProperties(ArchivePath path) throws IOException {
    try (ZipFile zip = new ZipFile(root.resolve(path.file()).toFile())) {
      if (!path.inArchive()) {
        List<Properties> poms = new ArrayList<>();
        Enumeration<? extends ZipEntry> entries = zip.entries();
        while (entries.hasMoreElements()) {
          ZipEntry entry = entries.nextElement();
          if (PomProperties.isPomProperties(entry.getName())) {
            try (InputStream in = zip.getInputStream(entry)) {
              add(poms, readBounded(in));
            }
          }
        }
        return poms;
      }
      ZipEntry first = zip.getEntry(path.parts().get(1));
      if (first == null) {
        return List.of();
      }
      byte[] archive;
      try (InputStream in = zip.getInputStream(first)) {
        archive = readBounded(in);
      }
      for (int i = 2; i < path.parts().size(); i++) {
        archive = nestedEntry(archive, path.parts().get(i));
        if (archive == null) {
          return List.of();
        }
      }
      return nestedPoms(archive);
    }
  }

  private byte[] nestedEntry(byte[] archive, String name) throws IOException {
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals(name)) {
          return readBounded(zip);
        }
      }
    }
    return null;
  }

  private List<Properties> nestedPoms(byte[] archive) throws IOException {
    List<Properties> poms = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (PomProperties.isPomProperties(e.getName())) {
          add(poms, readBounded(zip));
        }
      }
    }
    return poms;
  }

  private static void add(List<Properties> poms, byte[] bytes) {
    Properties p = PomProperties.parse(bytes);
    if (p != null) {
      poms.add(p);
    }
  }

  /** The stream's bytes, refused beyond the per-entry limit (a zip bomb stays a name-less jar). */
  private byte[] readBounded(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    long size = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      size += n;
      if (size > limits.maxEntryBytes()) {
        throw new IOException("entry larger than " + limits.maxEntryBytes() + " bytes");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }
}
