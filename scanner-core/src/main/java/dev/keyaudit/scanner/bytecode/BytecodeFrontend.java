package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.scanner.archive.ArchiveLimits;
import dev.keyaudit.scanner.archive.ArchiveReader;
import dev.keyaudit.scanner.archive.ClassEntry;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Frontend;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads compiled code: class files in folders, and jars, wars, ears and Spring Boot fat jars with
 * their nested libraries (through {@link ArchiveReader}). Each class passes a constant-pool check
 * first; the few that name a crypto or random API, and the classes around them, are lowered into
 * the shared engine's summaries, then the API classes are interpreted ({@link ClassScan}) into the
 * same facts the source frontend produces, with the project-wide resolver ({@link Project}). A
 * corrupt class or archive becomes a notification.
 */
public final class BytecodeFrontend implements Frontend {

  private final ArchiveLimits limits;

  public BytecodeFrontend() {
    this(ArchiveLimits.DEFAULT);
  }

  public BytecodeFrontend(ArchiveLimits limits) {
    this.limits = limits;
  }

  @Override
  public String name() {
    return "java-bytecode";
  }

  @Override
  public boolean accepts(InputFile file) {
    String name = file.relativePath().toLowerCase(Locale.ROOT);
    return name.endsWith(".class") || ArchiveReader.isArchive(name);
  }

  @Override
  public void analyze(List<InputFile> files, ScanContext context, FactSink sink) {
    ScannedSources scannedSources =
        new ScannedSources(context.scannedFiles(), context.dependencyFiles(), root(files));
    Project project =
        new Project(
            context.targetJdk(),
            scannedSources,
            new ConfigFiles(ConfigIndex.load(files)),
            Math.max(1, context.threads()));
    // Class files on disk form one project; each archive (with its nested jars) another.
    List<ClassEntry> loose = new ArrayList<>();
    for (InputFile file : files) {
      if (file.relativePath().toLowerCase(Locale.ROOT).endsWith(".class")) {
        try {
          loose.add(new ClassEntry(file.relativePath(), Files.readAllBytes(file.path()), null));
        } catch (IOException e) {
          sink.notification(
              Notification.error(file.relativePath(), 0, "cannot read: " + e.getMessage()));
        }
      }
    }
    project.analyze(loose, sink);
    for (InputFile file : files) {
      String name = file.relativePath().toLowerCase(Locale.ROOT);
      if (!name.endsWith(".class") && ArchiveReader.isArchive(name)) {
        List<ClassEntry> entries = new ArrayList<>();
        new ArchiveReader(
                limits,
                context.targetJdk(),
                entries::add,
                problem ->
                    sink.notification(
                        Notification.warning(problem.location(), 0, problem.message())),
                context.readsBundledLibraries())
            .read(file.path(), file.relativePath());
        project.analyze(entries, sink);
      }
    }
  }

  /** The scan root: where the files' relative paths start; null when no file tells. */
  private static Path root(List<InputFile> files) {
    for (InputFile f : files) {
      Path path = f.path().toAbsolutePath().normalize();
      int parts = Path.of(f.relativePath()).getNameCount();
      if (path.getNameCount() > parts && path.endsWith(Path.of(f.relativePath()))) {
        return path.getRoot().resolve(path.subpath(0, path.getNameCount() - parts));
      }
    }
    return null;
  }

  /** Extracts the facts of one class file, alone; never throws for a corrupt one. */
  public void analyze(ClassEntry entry, int targetJdk, FactSink sink) {
    analyze(List.of(entry), ConfigIndex.of(List.of()), new ScanContext(targetJdk, 1), sink);
  }

  /**
   * Extracts the facts of class files that form one project: values are resolved across them, and
   * configuration values against {@code config}. The facts come in the order of {@code classes},
   * whatever the thread count.
   */
  public void analyze(
      List<ClassEntry> classes, ConfigIndex config, ScanContext context, FactSink sink) {
    new Project(
            context.targetJdk(),
            ScannedSources.NONE,
            new ConfigFiles(config),
            Math.max(1, context.threads()))
        .analyze(classes, sink);
  }
}
