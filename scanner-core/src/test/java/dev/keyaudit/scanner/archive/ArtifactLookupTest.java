package dev.keyaudit.scanner.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactLookupTest {

  private static final String POM = "groupId=com.weak\nartifactId=weak-lib\nversion=1.0.0\n";

  @TempDir Path root;

  @Test
  void readsTheCoordinatesOfATopLevelAndOfANestedJar() throws IOException {
    byte[] lib =
        ZipBuilder.jar()
            .add("META-INF/maven/com.weak/weak-lib/pom.properties", POM)
            .add("com/weak/Legacy.class", new byte[] {1})
            .bytes();
    byte[] app =
        ZipBuilder.jar()
            .add("META-INF/maven/com.acme/app/pom.properties", POM.replace("weak", "acme"))
            .add("BOOT-INF/lib/weak-lib-1.0.0.jar", lib)
            .bytes();
    Files.createDirectories(root.resolve("dist"));
    Files.write(root.resolve("dist/app.jar"), app);
    ArtifactLookup lookup = new ArtifactLookup(root, ArchiveLimits.DEFAULT);

    Artifact nested = lookup.artifact("dist/app.jar!/BOOT-INF/lib/weak-lib-1.0.0.jar");
    assertThat(nested.coordinates()).isEqualTo("com.weak:weak-lib:1.0.0");
    assertThat(nested.nested()).isTrue();
    assertThat(lookup.artifact("dist/app.jar").coordinates()).isEqualTo("com.acme:acme-lib:1.0.0");
    assertThat(lookup.artifact("dist/app.jar").nested()).isFalse();
  }

  @Test
  void withoutOneClearPomPropertiesTheJarIsNamedByItsFile() throws IOException {
    byte[] shaded =
        ZipBuilder.jar()
            .add("META-INF/maven/a/a/pom.properties", "groupId=a\nartifactId=a\nversion=1\n")
            .add("META-INF/maven/b/b/pom.properties", "groupId=b\nartifactId=b\nversion=2\n")
            .bytes();
    Files.write(root.resolve("shaded.jar"), shaded);
    Files.write(root.resolve("corrupt.jar"), new byte[] {'P', 'K', 3});
    ArtifactLookup lookup = new ArtifactLookup(root, ArchiveLimits.DEFAULT);

    assertThat(lookup.artifact("shaded.jar").displayName()).isEqualTo("shaded.jar");
    assertThat(lookup.artifact("corrupt.jar").coordinates()).isNull();
    assertThat(lookup.artifact("missing.jar!/lib/x.jar").displayName()).isEqualTo("x.jar");
  }

  @Test
  void aNestedJarAboveTheEntryLimitKeepsItsName() throws IOException {
    byte[] big = ZipBuilder.jar().add("META-INF/maven/a/a/pom.properties", POM).bytes();
    Files.write(root.resolve("app.jar"), ZipBuilder.jar().add("lib/big.jar", big).bytes());
    ArtifactLookup lookup = new ArtifactLookup(root, new ArchiveLimits(10, 16, 1 << 20, 2));

    assertThat(lookup.artifact("app.jar!/lib/big.jar").coordinates()).isNull();
  }
}
