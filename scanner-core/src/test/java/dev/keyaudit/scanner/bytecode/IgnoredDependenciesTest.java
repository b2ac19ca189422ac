package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.archive.ZipBuilder;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.Notification;
import dev.keyaudit.scanner.scan.ScanContext;
import dev.keyaudit.scanner.scan.ScanRequest.DependencyMode;
import dev.keyaudit.scanner.source.CollectingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Under {@link DependencyMode#IGNORE} the libraries a fat jar bundles are not read at all: no facts
 * from them and nothing to report about them (a corrupt one goes unnoticed); the application's own
 * classes are scanned as always.
 */
class IgnoredDependenciesTest {

  @TempDir Path dir;

  private InputFile fatJar() throws IOException {
    Path app = WeakRsaClass.write(dir, "src", "com.acme", "App");
    Path lib = WeakRsaClass.write(dir, "src", "com.weak", "Legacy");
    byte[] library =
        ZipBuilder.jar()
            .add("com/weak/Legacy.class", WeakRsaClass.compiled(lib, "com/weak/Legacy"))
            .bytes();
    byte[] jar =
        ZipBuilder.jar()
            .add("BOOT-INF/classes/com/acme/App.class", WeakRsaClass.compiled(app, "com/acme/App"))
            .add("BOOT-INF/lib/legacy-1.0.jar", library)
            .add("BOOT-INF/lib/broken-1.0.jar", "not a zip")
            .bytes();
    return new InputFile(Files.write(dir.resolve("app.jar"), jar), "app.jar");
  }

  private CollectingSink scan(DependencyMode mode) throws IOException {
    CollectingSink sink = new CollectingSink();
    new BytecodeFrontend()
        .analyze(List.of(fatJar()), new ScanContext(17, 1, Set.of(), Set.of(), mode), sink);
    return sink;
  }

  @Test
  void ignoreLeavesBundledLibrariesUnread() throws IOException {
    CollectingSink sink = scan(DependencyMode.IGNORE);

    assertThat(sink.facts)
        .isNotEmpty()
        .allMatch(f -> f.location().path().startsWith("app.jar!/BOOT-INF/classes/"));
    assertThat(sink.notifications).isEmpty();
  }

  @Test
  void otherModesReadThem() throws IOException {
    CollectingSink sink = scan(DependencyMode.WARN);

    assertThat(sink.facts)
        .anyMatch(f -> f.location().path().startsWith("app.jar!/BOOT-INF/lib/legacy-1.0.jar!/"));
    assertThat(sink.notifications)
        .extracting(Notification::path)
        .contains("app.jar!/BOOT-INF/lib/broken-1.0.jar");
  }
}
