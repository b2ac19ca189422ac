package dev.keyaudit.scanner.archive;

import java.util.List;
import java.util.Locale;

/**
 * A location as the archive reader names it, split at its {@code !/} separators: {@code
 * dist/app.jar!/BOOT-INF/lib/dep.jar!/com/acme/Keys.class} is the file {@code dist/app.jar}, the
 * nested archive {@code BOOT-INF/lib/dep.jar} and the entry {@code com/acme/Keys.class}.
 *
 * @param parts the file on disk first, then each entry inside the one before
 */
public record ArchivePath(List<String> parts) {

  static final String SEPARATOR = "!/";

  public ArchivePath {
    parts = List.copyOf(parts);
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("empty archive path");
    }
  }

  public static ArchivePath parse(String location) {
    return new ArchivePath(List.of(location.split(SEPARATOR, -1)));
  }

  /** Whether the location lies inside an archive (has at least one {@code !/}). */
  public boolean inArchive() {
    return parts.size() > 1;
  }

  /** The file on disk: the outermost archive, or the plain file. */
  public String file() {
    return parts.get(0);
  }

  /** How many archives enclose the last part (0 for a plain file). */
  public int depth() {
    return parts.size() - 1;
  }

  /** The location of the {@code n}-th enclosing archive, outermost first ({@code n < depth()}). */
  public String archive(int n) {
    return String.join(SEPARATOR, parts.subList(0, n + 1));
  }

  /**
   * Whether the {@code n}-th archive sits in a folder named {@code lib}, where fat jars ({@code
   * BOOT-INF/lib}), wars ({@code WEB-INF/lib}) and ears ({@code lib}) keep their libraries.
   */
  public boolean inLibFolder(int n) {
    String name = parts.get(n).replace('\\', '/');
    int slash = name.lastIndexOf('/');
    if (slash < 0) {
      return false;
    }
    String folder = name.substring(0, slash);
    int parentSlash = folder.lastIndexOf('/');
    return folder.substring(parentSlash + 1).toLowerCase(Locale.ROOT).equals("lib");
  }

  /**
   * The location of the outermost archive on this path that is a dependency — a file in {@code
   * classpathFiles}, or an archive bundled in a {@code lib} folder of another — or null for the
   * project's own code. The last part counts too when it is itself an archive (a notification about
   * a whole jar). On disk only the classpath counts: an installed distribution keeps the
   * application's own jar in {@code lib/} too, and a vendored jar is better judged strictly than
   * downgraded by guess.
   */
  public String dependencyArchive(java.util.Set<String> classpathFiles) {
    int archives = depth() + (ArchiveReader.isArchive(parts.get(depth())) ? 1 : 0);
    for (int n = 0; n < archives; n++) {
      if (n == 0 ? classpathFiles.contains(file()) : inLibFolder(n)) {
        return archive(n);
      }
    }
    return null;
  }
}
