package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.archive.ArchiveLimits;
import dev.keyaudit.scanner.archive.ArchiveReader;
import dev.keyaudit.scanner.archive.ClassEntry;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Frontend;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads compiled code: class files in folders, and jars, wars, ears and Spring Boot fat jars with
 * their nested libraries (through {@link ArchiveReader}). Each class passes a constant-pool check
 * first; the few that name a crypto or random API are interpreted ({@link ClassScan}) into the same
 * facts the source frontend produces. A corrupt class or archive becomes a notification.
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
    Set<String> sources =
        context.scannedFiles().stream()
            .filter(p -> p.endsWith(".java"))
            .collect(Collectors.toUnmodifiableSet());
    Predicate<String> scannedAsSource =
        sources.isEmpty()
            ? source -> false
            : source ->
                sources.stream().anyMatch(p -> p.equals(source) || p.endsWith("/" + source));
    for (InputFile file : files) {
      if (file.relativePath().toLowerCase(Locale.ROOT).endsWith(".class")) {
        try {
          analyze(
              new ClassEntry(file.relativePath(), Files.readAllBytes(file.path()), null),
              context.targetJdk(),
              scannedAsSource,
              sink);
        } catch (IOException e) {
          sink.notification(
              Notification.error(file.relativePath(), 0, "cannot read: " + e.getMessage()));
        }
      } else {
        new ArchiveReader(
                limits,
                context.targetJdk(),
                entry -> analyze(entry, context.targetJdk(), scannedAsSource, sink),
                problem ->
                    sink.notification(
                        Notification.warning(problem.location(), 0, problem.message())))
            .read(file.path(), file.relativePath());
      }
    }
  }

  /** Extracts the facts of one class file; never throws for a corrupt one. */
  public void analyze(ClassEntry entry, int targetJdk, FactSink sink) {
    analyze(entry, targetJdk, source -> false, sink);
  }

  /**
   * As {@link #analyze(ClassEntry, int, FactSink)}; a class whose source file ({@code
   * com/acme/Keys.java}) {@code scannedAsSource} accepts is left to the source frontend, so each
   * finding is reported once, on the source file.
   */
  public void analyze(
      ClassEntry entry, int targetJdk, Predicate<String> scannedAsSource, FactSink sink) {
    try {
      List<Fact> facts =
          ClassScan.scan(
              entry.location(),
              entry.bytes(),
              targetJdk,
              scannedAsSource,
              problem -> sink.notification(Notification.warning(entry.location(), 0, problem)));
      facts.forEach(sink::fact);
    } catch (RuntimeException e) {
      // ASM signals a malformed class file with assorted runtime exceptions.
      sink.notification(
          Notification.warning(
              entry.location(),
              0,
              "corrupt class file skipped (" + e.getClass().getSimpleName() + ")"));
    }
  }
}
