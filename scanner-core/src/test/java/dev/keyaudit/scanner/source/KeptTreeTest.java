package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ParseResult;
import com.github.javaparser.Range;
import com.github.javaparser.ast.CompilationUnit;
import dev.keyaudit.scanner.scan.InputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** A tree kept between the phases without its tokens reads and analyses like a fresh one. */
class KeptTreeTest {

  @Test
  void droppingTokensKeepsRangesAndResults() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.walk(Path.of("src/test/resources/fixtures/java"))) {
      files = s.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    int compared = 0;
    for (Path file : files) {
      String path = file.toString();
      SourceFile source =
          new SourceFile(
              new InputFile(file, path), Files.readString(file, StandardCharsets.UTF_8), List.of());
      ParseResult<CompilationUnit> fresh = JavaFileAnalyzer.parse(source);
      ParseResult<CompilationUnit> kept = JavaFileAnalyzer.parse(source);
      if (!kept.isSuccessful()) {
        continue; // never kept
      }
      KeptTree.dropTokens(kept.getResult().get());
      assertThat(kept.getResult().get().getTokenRange()).as(path).isEmpty();
      assertThat(ranges(kept.getResult().get()))
          .as(path)
          .isEqualTo(ranges(fresh.getResult().get()));
      SamePackageTypes samePackage = new SamePackageTypes();
      samePackage.add(source.text());
      JavaFileAnalyzer analyzer = new JavaFileAnalyzer(samePackage, 17);
      assertThat(analyzer.analyze(source, kept, null))
          .as(path)
          .isEqualTo(analyzer.analyze(source, fresh, null));
      compared++;
    }
    assertThat(compared).isGreaterThan(10);
  }

  /**
   * The budget grows with the heap; a 1 GB heap ({@code -Xmx1g}, 910 MB usable with the parallel
   * collector) keeps the 13 M characters of the 1.1 M-line benchmark's crypto files.
   */
  @Test
  void budgetScalesWithTheHeap() {
    assertThat(KeptTree.budgetChars(910L << 20)).isGreaterThan(13_000_000);
    assertThat(KeptTree.budgetChars(2L << 30)).isEqualTo(2 * KeptTree.budgetChars(1L << 30));
  }

  private static List<Optional<Range>> ranges(CompilationUnit cu) {
    List<Optional<Range>> out = new ArrayList<>();
    cu.walk(n -> out.add(n.getRange()));
    cu.getAllContainedComments().forEach(c -> out.add(c.getRange()));
    cu.getOrphanComments().forEach(c -> out.add(c.getRange()));
    return out;
  }
}
