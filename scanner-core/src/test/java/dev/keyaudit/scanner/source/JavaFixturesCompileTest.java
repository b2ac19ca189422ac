package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fixtures under {@code fixtures/java} must be valid Java 17: the bytecode frontend compiles
 * the same files, and a fixture that only parses would test the source frontend on code nobody can
 * write. ({@code fixtures/java-nocompile} holds those needing libraries outside the JDK.)
 */
class JavaFixturesCompileTest {

  @Test
  void fixturesCompileWithJavac(@TempDir Path classes) throws IOException {
    Path root = JavaFixtureTest.resource("fixtures/java");
    List<Path> sources;
    try (Stream<Path> files = Files.walk(root)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(sources).isNotEmpty();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter diagnostics = new StringWriter();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null)) {
      boolean ok =
          javac
              .getTask(
                  diagnostics,
                  files,
                  null,
                  List.of("--release", "17", "-g", "-proc:none", "-d", classes.toString()),
                  null,
                  files.getJavaFileObjectsFromPaths(sources))
              .call();
      assertThat(ok).as(diagnostics.toString()).isTrue();
    }
  }
}
