package dev.keyaudit.scanner.archive;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Reads the class files of a jar, war, ear or Spring Boot fat jar, descending into nested archives
 * ({@code BOOT-INF/lib}, {@code WEB-INF/lib}, an ear's modules) in memory. Honours multi-release
 * jars (the highest {@code META-INF/versions/N} not above the target JDK replaces the base class)
 * and names each archive by its {@code pom.properties} coordinates.
 *
 * <p>Hostile input is expected: entry names with {@code ..} or an absolute path, duplicate entries,
 * corrupt data and zip bombs (entry count, entry size, total size and nesting depth are bounded)
 * become {@link ArchiveProblem}s. Nothing is ever written to disk.
 */
public final class ArchiveReader {

  private static final String VERSIONS = "META-INF/versions/";
  private static final String MANIFEST = "META-INF/MANIFEST.MF";

  private final ArchiveLimits limits;
  private final int targetJdk;
  private final Consumer<ClassEntry> classes;
  private final Consumer<ArchiveProblem> problems;
  private final boolean bundledLibraries;

  public ArchiveReader(
      ArchiveLimits limits,
      int targetJdk,
      Consumer<ClassEntry> classes,
      Consumer<ArchiveProblem> problems) {
    this(limits, targetJdk, classes, problems, true);
  }

  /**
   * @param bundledLibraries false to leave unread the archives bundled in a {@code lib} folder
   *     ({@code BOOT-INF/lib}, {@code WEB-INF/lib}, an ear's {@code lib}): a scan that ignores
   *     dependencies need not even decompress them
   */
  public ArchiveReader(
      ArchiveLimits limits,
      int targetJdk,
      Consumer<ClassEntry> classes,
      Consumer<ArchiveProblem> problems,
      boolean bundledLibraries) {
    this.limits = limits;
    this.targetJdk = targetJdk;
    this.classes = classes;
    this.problems = problems;
    this.bundledLibraries = bundledLibraries;
  }

  /** Whether a file name is an archive this reader opens. */
  public static boolean isArchive(String name) {
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    return lower.endsWith(".jar") || lower.endsWith(".war") || lower.endsWith(".ear");
  }

  /** Reads an archive on disk; {@code location} is its path as reports show it. */
  public void read(Path archive, String location) {
    Budget budget = new Budget();
    try (ZipFile zip = new ZipFile(archive.toFile())) {
      if (zip.size() > limits.maxEntries()) {
        problems.accept(
            new ArchiveProblem(
                location,
                "archive skipped: "
                    + zip.size()
                    + " entries exceed the limit of "
                    + limits.maxEntries()));
        return;
      }
      Contents contents = new Contents();
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        if (!budget.entry(location)) {
          break;
        }
        if (wanted(entry, location, contents)) {
          try (InputStream in = zip.getInputStream(entry)) {
            if (!contents.add(entry.getName(), readBounded(in, location, entry, budget))) {
              break;
            }
          }
        }
      }
      emit(contents, location, 0, budget, false);
    } catch (IOException | RuntimeException e) {
      problems.accept(new ArchiveProblem(location, "cannot read archive: " + describe(e)));
    }
  }

  private void readNested(byte[] data, String location, int depth, Budget budget) {
    if (depth > limits.maxDepth()) {
      problems.accept(
          new ArchiveProblem(
              location,
              "nested archive skipped: nesting deeper than " + limits.maxDepth() + " levels"));
      return;
    }
    Contents contents = new Contents();
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(data))) {
      ZipEntry entry = zip.getNextEntry();
      if (entry == null) {
        // ZipInputStream reads garbage as an empty archive: say so rather than stay silent.
        problems.accept(new ArchiveProblem(location, "cannot read nested archive: no zip entries"));
        return;
      }
      for (; entry != null; entry = zip.getNextEntry()) {
        if (!budget.entry(location)) {
          break;
        }
        // Unwanted entries are drained through the budget too: a bomb may hide in a resource.
        byte[] bytes = readBounded(zip, location, entry, budget);
        if (bytes == null) {
          break;
        }
        if (wanted(entry, location, contents) && !contents.add(entry.getName(), bytes)) {
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      problems.accept(new ArchiveProblem(location, "cannot read nested archive: " + describe(e)));
    }
    emit(contents, location, depth, budget, true);
  }

  /** Whether an entry is read: classes, nested archives, the manifest and pom.properties. */
  private boolean wanted(ZipEntry entry, String location, Contents contents) {
    String name = entry.getName();
    if (entry.isDirectory()) {
      return false;
    }
    if (!isSafe(name)) {
      problems.accept(
          new ArchiveProblem(
              location + "!/" + name, "entry skipped: unsafe name (.. or absolute)"));
      return false;
    }
    if (!contents.names.add(name)) {
      problems.accept(
          new ArchiveProblem(location + "!/" + name, "duplicate entry skipped (first one kept)"));
      return false;
    }
    return name.endsWith(".class")
        || (isArchive(name) && (bundledLibraries || !bundledLibrary(name)))
        || name.equals(MANIFEST)
        || PomProperties.isPomProperties(name);
  }

  /** A nested archive in a folder named {@code lib}, where archives bundle their libraries. */
  private static boolean bundledLibrary(String name) {
    return new ArchivePath(List.of("", name)).inLibFolder(1);
  }

  static boolean isSafe(String name) {
    if (name.startsWith("/") || name.startsWith("\\") || name.contains(":")) {
      return false;
    }
    for (String part : name.split("[/\\\\]")) {
      if (part.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** The entry's bytes, or null (after reporting) when a limit stops the archive. */
  private byte[] readBounded(InputStream in, String location, ZipEntry entry, Budget budget)
      throws IOException {
    var out =
        new java.io.ByteArrayOutputStream((int) Math.min(Math.max(entry.getSize(), 0), 1 << 20));
    byte[] buffer = new byte[8192];
    long size = 0;
    int n;
    while ((n = in.read(buffer)) > 0) {
      size += n;
      if (size > limits.maxEntryBytes()) {
        problems.accept(
            new ArchiveProblem(
                location + "!/" + entry.getName(),
                "archive read stopped: entry larger than " + limits.maxEntryBytes() + " bytes"));
        return null;
      }
      if (!budget.bytes(n, location)) {
        return null;
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private void emit(Contents contents, String location, int depth, Budget budget, boolean nested) {
    Artifact artifact = new Artifact(location, contents.coordinates(), nested);
    for (Map.Entry<String, byte[]> e : contents.selectedClasses(targetJdk).entrySet()) {
      classes.accept(new ClassEntry(location + "!/" + e.getKey(), e.getValue(), artifact));
    }
    for (Map.Entry<String, byte[]> e : contents.archives.entrySet()) {
      readNested(e.getValue(), location + "!/" + e.getKey(), depth + 1, budget);
    }
  }

  private static String describe(Exception e) {
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  /** What one archive holds, before multi-release selection. */
  private static final class Contents {
    final Set<String> names = new HashSet<>();
    final Map<String, byte[]> classFiles = new LinkedHashMap<>();
    final Map<String, byte[]> archives = new LinkedHashMap<>();
    final List<Properties> poms = new ArrayList<>();
    boolean multiRelease;

    /** Files an entry's bytes; false when they were not read (a limit stopped the archive). */
    boolean add(String name, byte[] bytes) {
      if (bytes == null) {
        return false;
      }
      if (name.endsWith(".class")) {
        classFiles.put(name, bytes);
      } else if (isArchive(name)) {
        archives.put(name, bytes);
      } else if (name.equals(MANIFEST)) {
        multiRelease =
            new String(bytes, StandardCharsets.UTF_8)
                .lines()
                .anyMatch(l -> l.trim().equalsIgnoreCase("Multi-Release: true"));
      } else {
        Properties p = PomProperties.parse(bytes);
        if (p != null) {
          poms.add(p);
        }
      }
      return true;
    }

    String coordinates() {
      return PomProperties.coordinates(poms);
    }

    /**
     * Every class once: in a multi-release jar the highest {@code META-INF/versions/N} copy with N
     * at most the target JDK replaces the base entry; other versions are not scanned.
     */
    Map<String, byte[]> selectedClasses(int targetJdk) {
      Map<String, byte[]> selected = new LinkedHashMap<>();
      Map<String, Integer> chosenVersion = new java.util.HashMap<>();
      for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
        String name = e.getKey();
        if (!name.startsWith(VERSIONS)) {
          chosenVersion.putIfAbsent(name, 0);
          selected.putIfAbsent(name, e.getValue());
        }
      }
      if (!multiRelease) {
        return selected;
      }
      for (Map.Entry<String, byte[]> e : classFiles.entrySet()) {
        String name = e.getKey();
        if (!name.startsWith(VERSIONS)) {
          continue;
        }
        int slash = name.indexOf('/', VERSIONS.length());
        if (slash < 0) {
          continue;
        }
        int version;
        try {
          version = Integer.parseInt(name.substring(VERSIONS.length(), slash));
        } catch (NumberFormatException ex) {
          continue;
        }
        String base = name.substring(slash + 1);
        if (version <= targetJdk && version > chosenVersion.getOrDefault(base, -1)) {
          chosenVersion.put(base, version);
          selected.remove(base);
          selected.put(name, e.getValue());
        }
      }
      return selected;
    }
  }

  /** Entry and byte counts of one top-level archive and everything nested in it. */
  private final class Budget {
    private int entries;
    private long bytes;
    private boolean exhausted;

    boolean entry(String location) {
      if (++entries > limits.maxEntries()) {
        stop(location, "more than " + limits.maxEntries() + " entries");
        return false;
      }
      return !exhausted;
    }

    boolean bytes(int n, String location) {
      bytes += n;
      if (bytes > limits.maxTotalBytes()) {
        stop(location, "more than " + limits.maxTotalBytes() + " uncompressed bytes");
        return false;
      }
      return !exhausted;
    }

    private void stop(String location, String why) {
      if (!exhausted) {
        exhausted = true;
        problems.accept(
            new ArchiveProblem(location, "archive read stopped (possible zip bomb): " + why));
      }
    }
  }
}
