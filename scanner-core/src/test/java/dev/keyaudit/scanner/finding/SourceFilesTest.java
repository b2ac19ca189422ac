package dev.keyaudit.scanner.finding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceFilesTest {

  @TempDir Path root;

  @Test
  void fingerprintIsTheLineHashOfTheFileContent() throws Exception {
    Files.createDirectories(root.resolve("src"));
    Files.writeString(root.resolve("src/A.java"), " a\nb\n  \t\tc\n d");
    SourceFiles files = new SourceFiles(root);

    assertThat(files.fingerprint("src/A.java", 2)).isEqualTo("54703d4cd895b18:1");
    assertThat(files.fingerprint("src/A.java", 0)).isEqualTo("271789c17abda88f:1");
  }

  @Test
  void fallsBackWhenTheFileOrLineIsNotThere() throws Exception {
    Path project = Files.createDirectory(root.resolve("project"));
    Files.writeString(project.resolve("A.java"), "one line");
    Files.writeString(root.resolve("outside.txt"), "x");
    SourceFiles files = new SourceFiles(project);

    assertThat(files.fingerprint("A.java", 5)).isEqualTo(LineHashFingerprint.fallback("A.java", 5));
    assertThat(files.fingerprint("gone.java", 3))
        .isEqualTo(LineHashFingerprint.fallback("gone.java", 3));
    assertThat(files.text("lib/app.jar!/com/acme/Keys.class")).isEmpty();
    assertThat(files.text("../outside.txt")).isEmpty();
    assertThat(new SourceFiles(root).text("outside.txt")).contains("x");
    assertThat(files.text("")).isEmpty();
  }

  @Test
  void linesSplitOnEveryKindOfLineBreak() throws Exception {
    Files.writeString(root.resolve("A.txt"), "one\r\ntwo\rthree\nfour");
    SourceFiles files = new SourceFiles(root);

    assertThat(files.line("A.txt", 1)).contains("one");
    assertThat(files.line("A.txt", 2)).contains("two");
    assertThat(files.line("A.txt", 3)).contains("three");
    assertThat(files.line("A.txt", 4)).contains("four");
    assertThat(files.line("A.txt", 5)).isEmpty();
    assertThat(files.line("A.txt", 0)).contains("one");
    assertThat(SourceFiles.nthLine("a\n", 2)).contains("");
  }
}
