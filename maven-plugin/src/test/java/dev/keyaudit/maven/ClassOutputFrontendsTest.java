package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.scan.BuiltInFrontends;
import dev.keyaudit.scanner.scan.Frontend;
import dev.keyaudit.scanner.scan.InputFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClassOutputFrontendsTest {

  private final List<Frontend> frontends =
      ClassOutputFrontends.of(BuiltInFrontends.all(), List.of("app/target/classes"));

  private List<String> readers(String relativePath) {
    InputFile file = new InputFile(Path.of("/nowhere", relativePath), relativePath);
    return frontends.stream().filter(f -> f.accepts(file)).map(Frontend::name).toList();
  }

  @Test
  void classFoldersAreReadAsBytecodeOnly() {
    assertThat(readers("app/target/classes/it/Keys.class")).containsExactly("java-bytecode");
    assertThat(readers("app/target/classes/application.yml")).isEmpty();
    assertThat(readers("app/target/classes/it/Keys.java")).isEmpty();
  }

  @Test
  void everythingElseIsReadAsBefore() {
    assertThat(readers("app/src/main/resources/application.yml")).hasSize(1);
    assertThat(readers("app/src/main/java/it/Keys.java")).contains("java-source");
    assertThat(readers("app/target/classes-other/application.yml")).hasSize(1);
  }
}
