package dev.keyaudit.scanner.finding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.archive.ArchiveLimits;
import dev.keyaudit.scanner.archive.ArtifactLookup;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DependencyOriginsTest {

  private final DependencyOrigins origins =
      new DependencyOrigins(
          Set.of("/home/me/.m2/repository/x/x/1/x-1.jar"),
          new ArtifactLookup(Path.of("/nonexistent-root"), ArchiveLimits.DEFAULT));

  @Test
  void theProjectsOwnFilesAndAFatJarsClassesAreNotDependencies() {
    assertThat(origins.of("src/main/java/com/acme/Keys.java")).isNull();
    assertThat(origins.of("target-copy/classes/com/acme/Keys.class")).isNull();
    assertThat(origins.of("dist/app.jar!/BOOT-INF/classes/com/acme/App.class")).isNull();
    assertThat(origins.of("dist/app.jar!/com/acme/App.class")).isNull();
    assertThat(origins.of("dist/app.ear!/web.war!/WEB-INF/classes/com/acme/App.class")).isNull();
    // A jar in a lib/ folder on disk may be the application's own (an installed distribution).
    assertThat(origins.of("dist/lib/app.jar!/com/acme/App.class")).isNull();
  }

  @Test
  void bundledLibrariesAreDependenciesNamedByTheirJar() {
    // The jars cannot be opened here: the artifact keeps its path and falls back to its file name.
    var boot = origins.of("dist/app.jar!/BOOT-INF/lib/weak-1.0.jar!/com/weak/Legacy.class");
    assertThat(boot.location()).isEqualTo("dist/app.jar!/BOOT-INF/lib/weak-1.0.jar");
    assertThat(boot.displayName()).isEqualTo("weak-1.0.jar");
    assertThat(boot.nested()).isTrue();
    assertThat(origins.of("app.war!/WEB-INF/lib/a.jar!/A.class").location())
        .isEqualTo("app.war!/WEB-INF/lib/a.jar");
    assertThat(origins.of("app.ear!/lib/a.jar!/A.class").location())
        .isEqualTo("app.ear!/lib/a.jar");
    assertThat(origins.of("app.ear!/web.war!/WEB-INF/lib/b.jar!/B.class").location())
        .isEqualTo("app.ear!/web.war!/WEB-INF/lib/b.jar");
  }

  @Test
  void classpathJarsAreDependenciesAsAWholeAndSoAreNotificationsAboutThem() {
    String jar = "/home/me/.m2/repository/x/x/1/x-1.jar";
    assertThat(origins.of(jar + "!/x/X.class").location()).isEqualTo(jar);
    assertThat(origins.of(jar + "!/x/X.class").nested()).isFalse();
    assertThat(origins.of(jar).location()).isEqualTo(jar);
    assertThat(origins.of("dist/app.jar")).isNull();
    assertThat(origins.of("dist/app.jar!/BOOT-INF/lib/broken.jar").location())
        .isEqualTo("dist/app.jar!/BOOT-INF/lib/broken.jar");
    assertThat(DependencyOrigins.none().of(jar + "!/x/X.class")).isNull();
  }
}
