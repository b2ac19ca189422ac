package dev.keyaudit.scanner.source;

import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Frontend;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The Java source frontend: reads {@code *.java} files with JavaParser (Java 21 syntax, no symbol
 * solver) and reports the key generation, random number generation and key material facts it sees.
 * Files are analysed in parallel; facts are emitted file by file in path order, so the output does
 * not depend on the thread count.
 *
 * <p>Two passes over the files: a cheap text pass reads them, skips those that mention no crypto or
 * random API, and notes lookalike type declarations per package; then the remaining files are
 * parsed and analysed, one AST walk each.
 */
public final class JavaSourceFrontend implements Frontend {

  public static final String NAME = "java-source";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean accepts(InputFile file) {
    return file.relativePath().endsWith(".java");
  }

  @Override
  public void analyze(List<InputFile> files, ScanContext context, FactSink sink) {
    List<InputFile> accepted =
        files.stream()
            .filter(this::accepts)
            .sorted(Comparator.comparing(InputFile::relativePath))
            .toList();
    int threads = Math.max(1, context.threads());
    List<SourceFile> sources =
        ParallelMap.map(accepted, SourceFile::read, threads, this::unreadable);
    SamePackageTypes samePackage = new SamePackageTypes();
    List<SourceFile> relevant = new ArrayList<>();
    for (SourceFile source : sources) {
      source.notifications().forEach(sink::notification);
      if (source.readable() && ApiMentionFilter.mayMatter(source.text())) {
        samePackage.add(source.text());
        relevant.add(source);
      }
    }
    JavaFileAnalyzer analyzer = new JavaFileAnalyzer(samePackage, context.targetJdk());
    List<FileResult> results =
        ParallelMap.map(
            relevant,
            s -> analyze(analyzer, s),
            threads,
            (s, e) -> FileResult.notes(List.of(internalError(s.path(), e))));
    for (FileResult result : results) {
      result.facts().forEach(sink::fact);
      result.suppressions().forEach(sink::suppression);
      result.notifications().forEach(sink::notification);
    }
  }

  private static FileResult analyze(JavaFileAnalyzer analyzer, SourceFile source) {
    FileResult result = analyzer.analyze(source);
    // The read notifications were already emitted with the text pass.
    List<Notification> notes = new ArrayList<>(result.notifications());
    notes.removeAll(source.notifications());
    return new FileResult(result.facts(), result.suppressions(), notes);
  }

  private SourceFile unreadable(InputFile input, Throwable e) {
    return new SourceFile(input, null, List.of(internalError(input.relativePath(), e)));
  }

  private static Notification internalError(String path, Throwable e) {
    String what = e instanceof StackOverflowError ? "nesting too deep" : e.toString();
    return Notification.error(path, 0, "not analysed: " + what);
  }
}
