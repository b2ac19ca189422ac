package dev.keyaudit.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.agent.bootstrap.Dispatcher;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The boot loader gets exactly the classes of the bootstrap package: none may be forgotten. */
class BootstrapClassesTest {

  @Test
  void theListNamesEveryClassOfTheBootstrapPackage() throws Exception {
    Path classes =
        new File(Dispatcher.class.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toPath();
    List<String> compiled;
    try (Stream<Path> files = Files.list(classes.resolve(AgentEntry.BOOTSTRAP_PACKAGE))) {
      compiled =
          files
              .map(f -> f.getFileName().toString())
              .filter(n -> n.endsWith(".class"))
              .map(n -> n.substring(0, n.length() - ".class".length()))
              .toList();
    }
    assertThat(AgentEntry.BOOTSTRAP_CLASSES).containsExactlyInAnyOrderElementsOf(compiled);
  }
}
