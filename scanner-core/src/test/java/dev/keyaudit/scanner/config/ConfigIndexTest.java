package dev.keyaudit.scanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.scan.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigIndexTest {

  @Test
  void profileSpecificValuesWinOverDefaultsAndRelaxedNamesMatch(@TempDir Path dir)
      throws IOException {
    Path resources = Files.createDirectories(dir.resolve("src/main/resources"));
    Files.writeString(
        resources.resolve("application.yml"),
        """
        crypto:
          rsa:
            key-size: 2048
        ---
        spring:
          config:
            activate:
              on-profile: legacy
        crypto:
          rsa:
            key-size: 1024
        """);
    Files.writeString(resources.resolve("application-dev.properties"), "crypto.rsa.keySize=3072\n");
    Files.writeString(resources.resolve("notes.txt"), "crypto.rsa.key-size=1\n");
    ConfigIndex index =
        ConfigIndex.load(
            List.of(
                input(dir, "src/main/resources/application.yml"),
                input(dir, "src/main/resources/application-dev.properties"),
                input(dir, "src/main/resources/notes.txt")));

    ConfigEntry base = index.lookup("crypto.rsa.key-size", null).orElseThrow();
    assertThat(base.value()).isEqualTo("2048");
    assertThat(base.location().startLine()).isEqualTo(3);

    ConfigEntry legacy = index.lookup("crypto.rsa.keySize", "legacy").orElseThrow();
    assertThat(legacy.value()).isEqualTo("1024");
    assertThat(legacy.location().startLine()).isEqualTo(11);

    ConfigEntry dev = index.lookup("Crypto.RSA.key_size", "dev").orElseThrow();
    assertThat(dev.value()).isEqualTo("3072");
    assertThat(dev.location().path()).isEqualTo("src/main/resources/application-dev.properties");

    assertThat(index.lookup("crypto.rsa.key-size", "other").orElseThrow().value())
        .isEqualTo("2048");
    assertThat(index.all("crypto.rsa.key-size")).hasSize(3);
    assertThat(index.problems()).isEmpty();
  }

  @Test
  void unreadableFilesBecomeProblems(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("application.yml"), "a: [unclosed\n");
    ConfigIndex index = ConfigIndex.load(List.of(input(dir, "application.yml")));
    assertThat(index.entries()).isEmpty();
    assertThat(index.problems()).singleElement().extracting("path").isEqualTo("application.yml");
  }

  @Test
  void placeholdersSplitNameAndDefault() {
    assertThat(Placeholder.parseWhole("${KEYSTORE_PASSWORD:changeit}"))
        .contains(new Placeholder("KEYSTORE_PASSWORD", "changeit"));
    assertThat(Placeholder.parseWhole("${JWT:-abc:def}"))
        .contains(new Placeholder("JWT", "abc:def"));
    assertThat(Placeholder.parseWhole("${A:?required}")).contains(new Placeholder("A", null));
    assertThat(Placeholder.parseWhole(" ${A} ")).contains(new Placeholder("A", null));
    assertThat(Placeholder.parseWhole("${A:${B:x}}")).contains(new Placeholder("A", "${B:x}"));
    assertThat(Placeholder.parseWhole("${A}x${B}")).isEmpty();
    assertThat(Placeholder.parseWhole("plain")).isEmpty();
    assertThat(Placeholder.containsReference("jdbc:${HOST}/db")).isTrue();
  }

  @Test
  void resolvesPlaceholdersAsSpringDoes() throws Exception {
    List<ConfigEntry> entries =
        ConfigIndex.read(
            "application.yml",
            """
            crypto:
              key-size: ${legacy.size:4096}
            legacy:
              size: 1024
            name: app-${crypto.key-size}
            loop: ${loop}
            """);
    ConfigIndex index = ConfigIndex.of(entries);

    ConfigIndex.Resolved size = index.resolve("${crypto.key-size:2048}", null).orElseThrow();
    assertThat(size.value()).isEqualTo("1024");
    assertThat(size.chain())
        .extracting(e -> e.key() + "@" + e.location().startLine())
        .containsExactly("crypto.key-size@2", "legacy.size@4");

    assertThat(index.resolve("${missing:256}", null).orElseThrow().value()).isEqualTo("256");
    assertThat(index.resolve("${name}", null).orElseThrow().value()).isEqualTo("app-1024");
    assertThat(index.resolve("${missing}", null)).isEmpty();
    assertThat(index.resolve("${loop}", null)).isEmpty();
    assertThat(index.resolve("plain", null).orElseThrow().chain()).isEmpty();
  }

  private static InputFile input(Path root, String rel) {
    return new InputFile(root.resolve(rel), rel);
  }
}
