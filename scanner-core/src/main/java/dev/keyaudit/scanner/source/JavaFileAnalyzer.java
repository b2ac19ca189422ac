package dev.keyaudit.scanner.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.Problem;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.stmt.UnparsableStmt;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.scanner.scan.Notification;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Analyses one Java file: parse (Java 21 syntax), reject or partly accept what does not parse, walk
 * every class, turn tracked objects into facts, and collect waivers.
 */
final class JavaFileAnalyzer {

  private static final int MAX_MESSAGE = 200;

  private static final Comparator<Fact> BY_LOCATION =
      Comparator.comparingInt((Fact f) -> f.location().startLine())
          .thenComparingInt(f -> f.location().startColumn())
          .thenComparing(f -> f.getClass().getSimpleName());

  private final SamePackageTypes samePackage;
  private final int targetJdk;

  JavaFileAnalyzer(SamePackageTypes samePackage, int targetJdk) {
    this.samePackage = samePackage;
    this.targetJdk = targetJdk;
  }

  static ParserConfiguration parserConfiguration() {
    return new ParserConfiguration()
        .setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_21)
        .setLexicalPreservationEnabled(false);
  }

  FileResult analyze(SourceFile source) {
    return analyze(source, parse(source), null);
  }

  static ParseResult<CompilationUnit> parse(SourceFile source) {
    return new JavaParser(parserConfiguration()).parse(source.text());
  }

  /**
   * Analyses a parsed file; {@code project} answers what the file alone cannot tell (null: the file
   * is analysed alone).
   */
  FileResult analyze(
      SourceFile source, ParseResult<CompilationUnit> parsed, ProjectValues project) {
    List<Notification> notes = new ArrayList<>(source.notifications());
    String path = source.path();
    CompilationUnit cu = parsed.getResult().orElse(null);
    if (!parsed.isSuccessful()) {
      boolean partial = cu != null && onlyInUnparsableStatements(parsed.getProblems(), cu);
      for (Problem problem : parsed.getProblems()) {
        int line = problem.getLocation().flatMap(l -> l.toRange()).map(r -> r.begin.line).orElse(0);
        String message = "does not parse: " + firstLine(problem.getMessage());
        notes.add(
            partial
                ? Notification.warning(path, line, message + " (statement skipped)")
                : Notification.error(path, line, message));
      }
      if (!partial) {
        return FileResult.notes(notes);
      }
    }
    FileContext file = new FileContext(path, new TypeResolver(cu, samePackage), targetJdk);
    file.project = project;
    file.names = SourceLowering.names(path, cu);
    List<ClassScope> classes = new ArrayList<>();
    for (TypeDeclaration<?> type : cu.getTypes()) {
      ClassScope scope = ClassScope.of(type, null, file);
      file.addTopLevel(scope);
      classes.add(scope);
    }
    for (ClassScope scope : classes) {
      ClassAnalyzer.analyze(file, scope);
    }
    TrackedFacts.emit(file);
    SuppressionScanner.Result waivers = SuppressionScanner.scan(cu, path, source.text());
    notes.addAll(waivers.notifications());
    List<Fact> facts = new ArrayList<>(file.facts());
    facts.sort(BY_LOCATION);
    notes.sort(Comparator.comparingInt(Notification::line));
    return new FileResult(facts, waivers.suppressions(), notes);
  }

  /** JavaParser recovers from a broken statement; anything else loses structure. */
  private static boolean onlyInUnparsableStatements(List<Problem> problems, CompilationUnit cu) {
    List<Range> unparsable = new ArrayList<>();
    cu.findAll(UnparsableStmt.class).forEach(s -> s.getRange().ifPresent(unparsable::add));
    if (unparsable.isEmpty()) {
      return false;
    }
    for (Problem p : problems) {
      Range at = p.getLocation().flatMap(l -> l.toRange()).orElse(null);
      if (at == null || unparsable.stream().noneMatch(r -> r.contains(at.begin))) {
        return false;
      }
    }
    return true;
  }

  private static String firstLine(String message) {
    String line = message.lines().findFirst().orElse("").trim();
    return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "…" : line;
  }
}
