package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The frontend as the scan calls it: many files, bad input, threads. */
class JavaSourceFrontendTest {

  @TempDir Path dir;

  private static final String WEAK_RSA =
      """
      package com.acme;
      import java.security.KeyPairGenerator;
      class Weak%d {
        Object g() throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(%d);
          return kpg.generateKeyPair();
        }
      }
      """;

  private InputFile write(String name, String text) throws Exception {
    Path file = dir.resolve(name);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    return new InputFile(file, name);
  }

  private static CollectingSink run(List<InputFile> files, int threads) {
    CollectingSink sink = new CollectingSink();
    new JavaSourceFrontend().analyze(files, new ScanContext(17, threads), sink);
    return sink;
  }

  @Test
  void nameAndAcceptedFiles() {
    JavaSourceFrontend frontend = new JavaSourceFrontend();
    assertThat(frontend.name()).isEqualTo("java-source");
    assertThat(frontend.accepts(new InputFile(Path.of("A.java"), "src/A.java"))).isTrue();
    assertThat(frontend.accepts(new InputFile(Path.of("A.class"), "A.class"))).isFalse();
    assertThat(frontend.accepts(new InputFile(Path.of("A.jav"), "A.jav"))).isFalse();
  }

  @Test
  void aFileThatDoesNotParseIsReportedAndTheOthersAreStillScanned() throws Exception {
    InputFile broken =
        write(
            "src/Broken.java",
            "package com.acme;\nimport java.security.KeyPairGenerator;\nclass Broken {\n");
    InputFile good = write("src/Weak1.java", WEAK_RSA.formatted(1, 1024));
    InputFile binary = write("src/Binary.java", "KeyPairGenerator\u0000\u0001\u0002");
    CollectingSink sink = run(List.of(broken, good, binary), 2);
    assertThat(sink.facts).hasSize(1).first().isInstanceOf(KeyPairGeneration.class);
    assertThat(sink.notifications)
        .filteredOn(n -> n.level().equals("error"))
        .extracting(Notification::path)
        .containsExactly("src/Binary.java", "src/Broken.java");
    Notification parse =
        sink.notifications.stream()
            .filter(n -> n.path().equals("src/Broken.java"))
            .findFirst()
            .orElseThrow();
    assertThat(parse.line()).isEqualTo(3);
    assertThat(parse.message()).startsWith("does not parse:");
  }

  @Test
  void aBrokenStatementIsSkippedAndTheRestOfTheFileRead() throws Exception {
    InputFile partial =
        write(
            "src/Partial.java",
            """
            package com.acme;
            import java.security.KeyPairGenerator;
            class Partial {
              void broken() { int x = ; }
              Object g() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(1024);
                return kpg.generateKeyPair();
              }
            }
            """);
    CollectingSink sink = run(List.of(partial), 1);
    assertThat(sink.facts).hasSize(1);
    assertThat(sink.notifications)
        .singleElement()
        .satisfies(
            n -> {
              assertThat(n.level()).isEqualTo("warning");
              assertThat(n.line()).isEqualTo(4);
            });
  }

  @Test
  void filesMentioningNoApiAreNotParsed() throws Exception {
    // Would be a parse error if it were parsed.
    InputFile plain = write("src/Plain.java", "class Plain { void broken( }");
    CollectingSink sink = run(List.of(plain), 1);
    assertThat(sink.facts).isEmpty();
    assertThat(sink.notifications).isEmpty();
  }

  @Test
  void notUtf8IsReadAsLatin1WithAWarning() throws Exception {
    Path file = dir.resolve("src/Latin.java");
    Files.createDirectories(file.getParent());
    Files.write(
        file,
        (WEAK_RSA.formatted(2, 512).replace("class Weak2", "/* caf\u00e9 */ class Weak2"))
            .getBytes(StandardCharsets.ISO_8859_1));
    CollectingSink sink = run(List.of(new InputFile(file, "src/Latin.java")), 1);
    assertThat(sink.facts).hasSize(1);
    assertThat(sink.notifications)
        .singleElement()
        .satisfies(n -> assertThat(n.message()).contains("not valid UTF-8"));
  }

  @Test
  void aMissingFileIsAnErrorNotACrash() {
    CollectingSink sink = run(List.of(new InputFile(dir.resolve("Gone.java"), "Gone.java")), 1);
    assertThat(sink.notifications)
        .singleElement()
        .satisfies(n -> assertThat(n.level()).isEqualTo("error"));
  }

  @Test
  void deeplyNestedCodeDoesNotCrashTheScan() throws Exception {
    StringBuilder concat = new StringBuilder("\"a\"");
    for (int i = 0; i < 3000; i++) {
      concat.append(" + \"a\"");
    }
    InputFile deep =
        write(
            "src/Deep.java",
            "import javax.crypto.Cipher;\nclass Deep { Object c() throws Exception {"
                + " return Cipher.getInstance("
                + concat
                + "); } }\n");
    CollectingSink sink = run(List.of(deep), 1);
    assertThat(sink.facts).hasSize(1);
  }

  @Test
  void outputDoesNotDependOnTheThreadCountOrInputOrder() throws Exception {
    List<InputFile> files = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      files.add(write("src/p" + (i % 7) + "/Weak" + i + ".java", WEAK_RSA.formatted(i, 512 + i)));
    }
    files.add(write("src/Broken.java", "import java.security.SecureRandom; class Broken {"));
    List<Fact> one = run(files, 1).facts;
    List<InputFile> reversed = new ArrayList<>(files);
    java.util.Collections.reverse(reversed);
    CollectingSink four = run(reversed, 4);
    assertThat(four.facts).isEqualTo(one);
    assertThat(one).hasSize(40);
    assertThat(one.get(0).location().path()).isEqualTo("src/p0/Weak0.java");
    assertThat(four.notifications)
        .extracting(Notification::path)
        .containsExactly("src/Broken.java");
  }
}
