package dev.keyaudit.scanner.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile and broken input is reported and skipped: never an exception, never a hang. */
class ManifestBadInputTest {

  private static final Duration NO_HANG = Duration.ofSeconds(30);

  private static RecordingSink scan(Path root) throws IOException {
    List<InputFile> files;
    try (Stream<Path> s = Files.walk(root)) {
      files =
          s.filter(Files::isRegularFile)
              .map(p -> new InputFile(p, root.relativize(p).toString().replace('\\', '/')))
              .filter(new ManifestFrontend()::accepts)
              .sorted(java.util.Comparator.comparing(InputFile::relativePath))
              .toList();
    }
    RecordingSink sink = new RecordingSink();
    assertTimeoutPreemptively(
        NO_HANG, () -> new ManifestFrontend().analyze(files, new ScanContext(17, 1), sink));
    return sink;
  }

  private static List<String> notified(RecordingSink sink, String path) {
    return sink.notifications.stream()
        .filter(n -> n.path().equals(path))
        .map(Notification::message)
        .toList();
  }

  @Test
  void brokenFixturesAreReportedNotThrown() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/fixtures/manifests/bad-input").toURI());
    RecordingSink sink = scan(root);
    assertThat(notified(sink, "malformed.yaml")).singleElement().asString().startsWith("skipped:");
    assertThat(notified(sink, "alias-bomb.yaml")).singleElement().asString().contains("skipped:");
    assertThat(notified(sink, "malformed.json"))
        .singleElement()
        .asString()
        .contains("malformed JSON");
    assertThat(notified(sink, "binary.yml")).singleElement().asString().contains("binary");
    assertThat(notified(sink, "latin1.properties"))
        .containsExactly("not valid UTF-8; read as ISO-8859-1");
    assertThat(notified(sink, "xxe/pom.xml")).singleElement().asString().contains("XML");
    assertThat(sink.facts).noneMatch(f -> f.toString().contains("root:"));
  }

  @Test
  void hugeFilesAreSkippedWithANote(@TempDir Path dir) throws IOException {
    Path huge = dir.resolve("application.properties");
    byte[] line = "k=v\n".getBytes(StandardCharsets.US_ASCII);
    try (var out = Files.newOutputStream(huge)) {
      for (int i = 0; i < 1_200_000; i++) {
        out.write(line);
      }
    }
    RecordingSink sink = scan(dir);
    assertThat(notified(sink, "application.properties"))
        .singleElement()
        .asString()
        .contains("too large");
    assertThat(sink.facts).isEmpty();
  }

  @Test
  void deeplyNestedYamlJsonAndHclDoNotOverflow(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("deep.yaml"), "a: " + "[".repeat(50_000));
    Files.writeString(dir.resolve("deep.json"), "[".repeat(50_000));
    Files.writeString(dir.resolve("deep.tf"), "x = " + "[{(".repeat(30_000));
    Files.writeString(dir.resolve("quotes.sh"), "keytool -genkeypair '" + "\"".repeat(100_000));
    RecordingSink sink = scan(dir);
    assertThat(notified(sink, "deep.yaml")).isNotEmpty();
    assertThat(notified(sink, "deep.json")).isNotEmpty();
    assertThat(sink.notifications).noneMatch(n -> n.message().contains("internal error"));
  }
}
