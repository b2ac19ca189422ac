package dev.keyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DependencyClasspathTest {

  @Test
  void readsExistingArchivesOfAClasspathFile(@TempDir Path dir) throws IOException {
    Path a = Files.createFile(dir.resolve("a-1.0.jar"));
    Path b = Files.createFile(dir.resolve("b-2.0.jar"));
    Path classes = Files.createDirectories(dir.resolve("classes"));
    Path file =
        Files.writeString(
            dir.resolve("cp.txt"),
            String.join(File.pathSeparator, a.toString(), classes.toString(), "missing.jar")
                + "\n"
                + b
                + File.pathSeparator
                + a);
    assertThat(DependencyClasspath.read(file)).containsExactly(a, b);
  }
}
