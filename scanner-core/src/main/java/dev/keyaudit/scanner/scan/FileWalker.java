package dev.keyaudit.scanner.scan;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Collects the files under the scan paths, relative to the scan root, in a stable order. Skips
 * build output and VCS folders ({@link SkippedFolders}), follows no symbolic links (so link loops
 * cannot hang it), and reports unreadable folders instead of failing.
 */
final class FileWalker {

  private final Path root;
  private final PathFilter filter;
  private final SkippedFolders skipped;
  private final Consumer<Notification> problems;

  FileWalker(Path root, PathFilter filter, Consumer<Notification> problems) {
    this.root = root;
    this.filter = filter;
    this.skipped = new SkippedFolders(root.toAbsolutePath().normalize());
    this.problems = problems;
  }

  List<InputFile> walk(List<Path> paths) {
    var byRelative = new TreeMap<String, InputFile>();
    for (Path start : paths) {
      Path absolute = start.toAbsolutePath().normalize();
      if (!Files.exists(absolute)) {
        problems.accept(Notification.error(relative(absolute), 0, "path does not exist"));
        continue;
      }
      try {
        Files.walkFileTree(
            absolute,
            EnumSet.noneOf(FileVisitOption.class),
            Integer.MAX_VALUE,
            new Visitor(absolute, byRelative));
      } catch (IOException e) {
        problems.accept(
            Notification.error(relative(absolute), 0, "cannot walk: " + e.getMessage()));
      }
    }
    return new ArrayList<>(byRelative.values());
  }

  private String relative(Path absolute) {
    Path rel = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    return rel.toString().replace('\\', '/');
  }

  private final class Visitor extends SimpleFileVisitor<Path> {
    private final Path start;
    private final TreeMap<String, InputFile> sink;

    Visitor(Path start, TreeMap<String, InputFile> sink) {
      this.start = start;
      this.sink = sink;
    }

    @Override
    public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
      if (skipped.skips(start, dir)) {
        return FileVisitResult.SKIP_SUBTREE;
      }
      return filter.excludesDirectory(relative(dir))
          ? FileVisitResult.SKIP_SUBTREE
          : FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
      if (attrs.isRegularFile()) {
        String rel = relative(file);
        if (filter.includes(rel)) {
          sink.putIfAbsent(rel, new InputFile(file, rel));
        }
      }
      return FileVisitResult.CONTINUE;
    }

    @Override
    public FileVisitResult visitFileFailed(Path file, IOException e) {
      problems.accept(Notification.error(relative(file), 0, "cannot read: " + e.getMessage()));
      return FileVisitResult.CONTINUE;
    }
  }
}
