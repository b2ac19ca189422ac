package dev.keyaudit.scanner.source;

import com.github.javaparser.ParseResult;
import com.github.javaparser.ast.CompilationUnit;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.resolve.ProjectIndex;
import dev.keyaudit.scanner.resolve.ProjectResolver;
import dev.keyaudit.scanner.resolve.Summaries.FileSummary;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Frontend;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Java source frontend: reads {@code *.java} files with JavaParser (Java 21 syntax, no symbol
 * solver) and reports the key generation, random number generation and key material facts it sees.
 * Files are analysed in parallel; facts are emitted file by file in path order, so the output does
 * not depend on the thread count.
 *
 * <p>Phase one, in parallel: every file is read and parsed once and lowered into the resolution
 * engine's summary (constants, fields, returns, call sites); files that mention no crypto or random
 * API keep only their summary. Then the project-wide {@link ProjectIndex} and resolver are built,
 * with the project's configuration files. Phase two, in parallel: the files that mention an API are
 * walked, asking the resolver what they cannot tell alone.
 */
public final class JavaSourceFrontend implements Frontend {

  public static final String NAME = "java-source";

  /**
   * {@code Security.insertProviderAt(new BouncyCastleProvider(), 1)}: from then on, a generator
   * asked for without a provider is BouncyCastle's, with its defaults.
   */
  private static final java.util.regex.Pattern BOUNCY_CASTLE_FIRST =
      java.util.regex.Pattern.compile(
          "insertProviderAt\\s*\\(\\s*new\\s+(?:[\\w.]+\\.)?BouncyCastle\\w*Provider\\s*\\(\\s*\\)\\s*,\\s*1\\s*\\)");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(InputFile file) {
    return file.relativePath().endsWith(".java");
  }

  /**
   * Phase one's result for one file. {@code kept} holds the tree of a file phase two walks while
   * the memory budget ({@link KeptTree#budgetChars}) lasts; phase two takes it out, so each tree is
   * garbage once its file is analysed.
   */
  private record Lowered(
      SourceFile source,
      boolean relevant,
      AtomicReference<ParseResult<CompilationUnit>> kept,
      FileSummary summary,
      SamePackageTypes.Declared declared,
      boolean bouncyCastleFirst) {}

  @Override
  public void analyze(List<InputFile> files, ScanContext context, FactSink sink) {
    List<InputFile> accepted =
        files.stream()
            .filter(this::accepts)
            .sorted(Comparator.comparing(InputFile::relativePath))
            .toList();
    int threads = Math.max(1, context.threads());
    AtomicLong budget = new AtomicLong(KeptTree.budgetChars(Runtime.getRuntime().maxMemory()));
    List<Lowered> lowered =
        ParallelMap.map(accepted, in -> lower(in, budget), threads, this::unreadable);
    SamePackageTypes samePackage = new SamePackageTypes();
    List<Lowered> relevant = new ArrayList<>();
    List<FileSummary> summaries = new ArrayList<>();
    for (Lowered l : lowered) {
      l.source().notifications().forEach(sink::notification);
      if (l.summary() != null) {
        summaries.add(l.summary());
      }
      if (l.relevant()) {
        samePackage.add(l.declared());
        relevant.add(l);
      }
    }
    ConfigIndex config = ConfigIndex.load(files);
    boolean bouncyCastleFirst = relevant.stream().anyMatch(Lowered::bouncyCastleFirst);
    ProjectValues project =
        new ProjectValues(
            new ProjectResolver(new ProjectIndex(summaries), new ConfigIndexSource(config)),
            bouncyCastleFirst,
            threads);
    JavaFileAnalyzer analyzer = new JavaFileAnalyzer(samePackage, context.targetJdk());
    List<FileResult> results =
        ParallelMap.map(
            relevant,
            l -> analyze(analyzer, l, project),
            threads,
            (l, e) -> FileResult.notes(List.of(internalError(l.source().path(), e))));
    for (FileResult result : results) {
      result.facts().forEach(sink::fact);
      result.suppressions().forEach(sink::suppression);
      result.notifications().forEach(sink::notification);
    }
  }

  private static Lowered lower(InputFile input, AtomicLong budget) {
    SourceFile source = SourceFile.read(input);
    if (!source.readable()) {
      return new Lowered(
          source, false, new AtomicReference<>(), null, SamePackageTypes.Declared.NONE, false);
    }
    ParseResult<CompilationUnit> parsed = JavaFileAnalyzer.parse(source);
    FileSummary summary = null;
    if (parsed.getResult().isPresent()) {
      try {
        summary = SourceLowering.lower(source.path(), parsed.getResult().get());
      } catch (RuntimeException | StackOverflowError e) {
        summary = null; // the file still gets its own analysis; it only adds nothing project-wide
      }
    }
    boolean relevant = ApiMentionFilter.mayMatter(source.text());
    boolean keep =
        relevant && parsed.isSuccessful() && budget.addAndGet(-source.text().length()) >= 0;
    if (keep) {
      KeptTree.dropTokens(parsed.getResult().get());
    }
    // The text scans the next phase needs, here so that they run in parallel.
    return relevant
        ? new Lowered(
            source,
            true,
            new AtomicReference<>(keep ? parsed : null),
            summary,
            SamePackageTypes.scan(source.text()),
            BOUNCY_CASTLE_FIRST.matcher(source.text()).find())
        : new Lowered(
            source, false, new AtomicReference<>(), summary, SamePackageTypes.Declared.NONE, false);
  }

  private static FileResult analyze(JavaFileAnalyzer analyzer, Lowered l, ProjectValues project) {
    ParseResult<CompilationUnit> parsed = l.kept().getAndSet(null);
    if (parsed == null) {
      parsed = JavaFileAnalyzer.parse(l.source());
    }
    FileResult result = analyzer.analyze(l.source(), parsed, project);
    // The read notifications were already emitted with the text pass.
    List<Notification> notes = new ArrayList<>(result.notifications());
    notes.removeAll(l.source().notifications());
    return new FileResult(result.facts(), result.suppressions(), notes);
  }

  private Lowered unreadable(InputFile input, Throwable e) {
    return new Lowered(
        new SourceFile(input, null, List.of(internalError(input.relativePath(), e))),
        false,
        new AtomicReference<>(),
        null,
        SamePackageTypes.Declared.NONE,
        false);
  }

  private static Notification internalError(String path, Throwable e) {
    String what = e instanceof StackOverflowError ? "nesting too deep" : e.toString();
    return Notification.error(path, 0, "not analysed: " + what);
  }

  /** For tests: the facts, waivers and notes of one file's text, resolved as a one-file project. */
  static FileResult analyzeText(String path, String text, int targetJdk) {
    SamePackageTypes samePackage = new SamePackageTypes();
    samePackage.add(text);
    SourceFile source =
        new SourceFile(new InputFile(java.nio.file.Path.of(path), path), text, List.of());
    ParseResult<CompilationUnit> parsed = JavaFileAnalyzer.parse(source);
    List<FileSummary> summaries =
        parsed.getResult().map(cu -> List.of(SourceLowering.lower(path, cu))).orElse(List.of());
    ProjectValues project =
        new ProjectValues(
            new ProjectResolver(new ProjectIndex(summaries), ConfigIndexSource.NONE_INDEX),
            BOUNCY_CASTLE_FIRST.matcher(text).find());
    return new JavaFileAnalyzer(samePackage, targetJdk).analyze(source, parsed, project);
  }
}
