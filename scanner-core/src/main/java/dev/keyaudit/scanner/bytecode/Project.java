package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.archive.ClassEntry;
import dev.keyaudit.scanner.bytecode.ConstantPoolFilter.Relevance;
import dev.keyaudit.scanner.jca.RngObjects;
import dev.keyaudit.scanner.resolve.ConfigSource;
import dev.keyaudit.scanner.resolve.ProjectIndex;
import dev.keyaudit.scanner.resolve.ProjectResolver;
import dev.keyaudit.scanner.resolve.Summaries.FileSummary;
import dev.keyaudit.scanner.resolve.Summaries.TypeSummary;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.tree.ClassNode;

/**
 * The class files of one project (a class folder, an archive) through the shared engine's two
 * phases, each on {@code threads} workers. Triage: every class gets its constant-pool check. Phase
 * one: the classes that name an API and those around them ({@link ProjectScope}) are lowered into
 * summaries ({@link ClassLowering}). Phase two: the API classes are interpreted with the
 * project-wide resolver ({@link ClassScan}). Facts and notifications come in class order.
 */
final class Project {

  private final int targetJdk;
  private final ScannedSources scannedSources;
  private final ConfigSource config;
  private final int threads;

  Project(int targetJdk, ScannedSources scannedSources, ConfigSource config, int threads) {
    this.targetJdk = targetJdk;
    this.scannedSources = scannedSources;
    this.config = config;
    this.threads = threads;
  }

  /** A class after its constant-pool check; {@code reader} null when the class is corrupt. */
  private record Triage(
      ClassEntry entry,
      ClassReader reader,
      Relevance relevance,
      Set<String> references,
      Notification corrupt) {}

  /** What phase two found in one class. */
  private record Result(List<Fact> facts, List<Notification> notifications) {}

  void analyze(List<ClassEntry> classes, FactSink sink) {
    if (classes.isEmpty()) {
      return;
    }
    List<Triage> triaged = Parallel.map(classes, Project::triage, threads);
    boolean[] api = new boolean[triaged.size()];
    boolean any = false;
    for (int i = 0; i < api.length; i++) {
      api[i] = triaged.get(i).relevance == Relevance.API;
      any |= api[i];
    }
    ProjectResolver resolver = null;
    if (any) {
      try {
        resolver = resolver(triaged, api);
      } catch (RuntimeException | StackOverflowError e) {
        // Hostile input must not cost the scan: each class is still analysed on its own.
        sink.notification(
            Notification.warning(
                classes.get(0).location(),
                0,
                "values not resolved across classes here (" + e.getClass().getSimpleName() + ")"));
      }
    }
    ProjectResolver shared = resolver;
    RandomUses randomUses = resolver == null ? RandomUses.NONE : new RandomUses(resolver);
    List<Result> results = Parallel.map(triaged, t -> scan(t, shared, randomUses), threads);
    for (Result r : results) {
      r.facts.forEach(sink::fact);
      r.notifications.forEach(sink::notification);
    }
  }

  private static Triage triage(ClassEntry entry) {
    try {
      ClassReader reader = new ClassReader(entry.bytes());
      if (ProviderPackages.isProvider(reader.getClassName())) {
        return new Triage(entry, reader, Relevance.NONE, Set.of(), null);
      }
      return new Triage(entry, reader, ConstantPoolFilter.relevance(reader), null, null);
    } catch (RuntimeException e) {
      return new Triage(entry, null, Relevance.NONE, Set.of(), corrupt(entry, e));
    }
  }

  /** Phase one: the summaries the API classes' values need, and their resolver. */
  private ProjectResolver resolver(List<Triage> triaged, boolean[] api) {
    List<String> names =
        triaged.stream().map(t -> t.reader == null ? null : t.reader.getClassName()).toList();
    List<TypeSummary> types =
        ProjectScope.summaries(
            names,
            api,
            i -> opened(triaged.get(i)),
            i ->
                triaged.get(i).references != null
                    ? triaged.get(i).references
                    : ConstantPoolFilter.classReferences(triaged.get(i).reader),
            (i, name) -> ConstantPoolFilter.mentions(triaged.get(i).reader, name),
            threads);
    // Named by class order: the index keeps the first of two classes with the same name.
    List<FileSummary> summaries = new ArrayList<>();
    for (int i = 0; i < types.size(); i++) {
      summaries.add(new FileSummary(String.format("%08d", i), List.of(types.get(i))));
    }

    return new ProjectResolver(new ProjectIndex(summaries), config, RngObjects.MODEL);
  }

  private static ClassLowering opened(Triage t) {
    try {
      return t.reader == null
          ? null
          : new ClassLowering(t.entry.location(), ClassScan.parse(t.reader));
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Phase two for one class: its facts, or why it was skipped. */
  private Result scan(Triage t, ProjectResolver resolver, RandomUses randomUses) {
    if (t.corrupt != null) {
      return new Result(List.of(), List.of(t.corrupt));
    }
    if (t.relevance == Relevance.NONE) {
      return new Result(List.of(), List.of());
    }
    String location = t.entry.location();
    List<Notification> notes = new ArrayList<>();
    try {
      ClassNode node = ClassScan.parse(t.reader);
      if (scannedSources.leftToSource(location, node)) {
        return new Result(List.of(), List.of());
      }
      List<Fact> facts =
          ClassScan.scan(
              location,
              node,
              t.relevance,
              targetJdk,
              resolver,
              randomUses,
              problem -> notes.add(Notification.warning(location, 0, problem)));
      return new Result(facts, notes);
    } catch (RuntimeException | StackOverflowError e) {
      return new Result(List.of(), List.of(corrupt(t.entry, e)));
    }
  }

  private static Notification corrupt(ClassEntry entry, Throwable e) {
    // ASM signals a malformed class file with assorted runtime exceptions.
    return Notification.warning(
        entry.location(), 0, "corrupt class file skipped (" + e.getClass().getSimpleName() + ")");
  }
}
