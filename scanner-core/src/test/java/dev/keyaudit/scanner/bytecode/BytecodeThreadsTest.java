package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.archive.ClassEntry;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.scan.ScanContext;
import dev.keyaudit.scanner.source.CollectingSink;
import dev.keyaudit.scanner.source.JavaFixtureTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bytecode frontend gives the same facts, in the same order, whatever its thread count. */
class BytecodeThreadsTest {

  @Test
  void factsDoNotDependOnTheThreadCount() throws IOException {
    List<Path> sources;
    try (Stream<Path> files = Files.walk(JavaFixtureTest.resource("fixtures/java"))) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    List<ClassEntry> classes = new ArrayList<>();
    for (Map.Entry<Path, Map<String, byte[]>> file :
        new java.util.TreeMap<>(InMemoryJavac.compile(sources, 17)).entrySet()) {
      String location = file.getKey().getFileName().toString();
      file.getValue().values().forEach(b -> classes.add(new ClassEntry(location, b, null)));
    }
    List<String> one = facts(classes, 1);
    assertThat(one).isNotEmpty();
    assertThat(facts(classes, 2)).containsExactlyElementsOf(one);
    assertThat(facts(classes, 4)).containsExactlyElementsOf(one);
  }

  private static List<String> facts(List<ClassEntry> classes, int threads) {
    CollectingSink sink = new CollectingSink();
    new BytecodeFrontend()
        .analyze(classes, ConfigIndex.of(List.of()), new ScanContext(17, threads), sink);
    return sink.facts.stream().map(Object::toString).toList();
  }
}
