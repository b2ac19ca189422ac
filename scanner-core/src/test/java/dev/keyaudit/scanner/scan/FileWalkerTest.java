package dev.keyaudit.scanner.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {

  @TempDir Path project;

  private final List<Notification> problems = new ArrayList<>();

  private List<String> walk(Path root, PathFilter filter, Path... paths) {
    return new FileWalker(root, filter, problems::add)
        .walk(List.of(paths)).stream().map(InputFile::relativePath).toList();
  }

  private List<String> walkProject() {
    return walk(project, PathFilter.all(), project);
  }

  private void touch(String... relativePaths) throws IOException {
    for (String rel : relativePaths) {
      Path file = project.resolve(rel);
      Files.createDirectories(file.getParent());
      Files.writeString(file, "x");
    }
  }

  @Test
  void packagesNamedLikeBuildOutputAreWalkedInsideSourceTrees() throws IOException {
    touch(
        "pom.xml",
        "src/main/java/com/acme/build/Keys.java",
        "src/main/java/com/acme/target/Keys.java",
        "src/main/java/build/Keys.java",
        "src/main/resources/node_modules/keys.yml",
        "src/it/app/src/main/java/com/acme/build/Keys.java");

    assertThat(walkProject())
        .contains(
            "src/main/java/com/acme/build/Keys.java",
            "src/main/java/com/acme/target/Keys.java",
            "src/main/java/build/Keys.java",
            "src/main/resources/node_modules/keys.yml",
            "src/it/app/src/main/java/com/acme/build/Keys.java");
  }

  @Test
  void buildOutputBesideABuildFileIsSkipped() throws IOException {
    touch(
        "pom.xml",
        "target/classes/com/acme/Keys.class",
        "gradle-app/build.gradle.kts",
        "gradle-app/build/classes/java/main/Keys.class",
        "settings-only/settings.gradle",
        "settings-only/build/Keys.class",
        "web/package.json",
        "web/node_modules/lib/key.pem",
        "web/src/app.js");

    assertThat(walkProject())
        .containsExactly(
            "gradle-app/build.gradle.kts",
            "pom.xml",
            "settings-only/settings.gradle",
            "web/package.json",
            "web/src/app.js");
  }

  @Test
  void buildOutputAtTheTopOfTheScanRootIsSkippedWithoutABuildFile() throws IOException {
    touch("build/Keys.class", "target/Keys.class", "node_modules/key.pem", "app/Keys.java");

    assertThat(walkProject()).containsExactly("app/Keys.java");
  }

  @Test
  void aFolderNamedTargetThatNoBuildOwnsIsWalked() throws IOException {
    touch("deploy/target/values.yaml", "lib/build/Keys.java");

    assertThat(walkProject()).containsExactly("deploy/target/values.yaml", "lib/build/Keys.java");
  }

  @Test
  void toolDataIsSkippedEverywhere() throws IOException {
    touch(".git/config", "src/main/java/.idea/workspace.xml", "app/.gradle/key.pem", "app/K.java");

    assertThat(walkProject()).containsExactly("app/K.java");
  }

  @Test
  void explicitPathsAreWalkedEvenWhenNamedLikeBuildOutput() throws IOException {
    touch("pom.xml", "target/generated/Keys.java", "build/Keys.class");

    assertThat(walk(project, PathFilter.all(), project.resolve("target"), project.resolve("build")))
        .containsExactly("build/Keys.class", "target/generated/Keys.java");
  }

  @Test
  void aClassFolderGivenExplicitlyKeepsItsBuildAndTargetPackages() throws IOException {
    touch(
        "pom.xml",
        "target/classes/build/Keys.class",
        "target/classes/com/acme/build/Keys.class",
        "target/classes/com/acme/target/Keys.class",
        "target/test-classes/build/KeysTest.class");

    assertThat(
            walk(
                project,
                PathFilter.all(),
                project.resolve("target/classes"),
                project.resolve("target/test-classes")))
        .containsExactly(
            "target/classes/build/Keys.class",
            "target/classes/com/acme/build/Keys.class",
            "target/classes/com/acme/target/Keys.class",
            "target/test-classes/build/KeysTest.class");
  }

  @Test
  void aSourceOrClassFolderScannedAsTheRootKeepsItsTopLevelBuildPackage() throws IOException {
    touch(
        "src/main/java/build/Keys.java",
        "src/build/Keys.java",
        "gradle/build/classes/java/main/build/Keys.class");

    for (String folder : List.of("src/main/java", "src", "gradle/build/classes/java/main")) {
      Path root = project.resolve(folder);
      assertThat(walk(root, PathFilter.all(), root))
          .as(folder)
          .anyMatch(path -> path.startsWith("build/Keys."));
    }
  }

  @Test
  void theMavenPluginsModuleWalkStillLeavesTheRestOfTargetOut() throws IOException {
    // As ModuleInputs passes it: the module folder plus its class folders, the rest excluded.
    touch(
        "pom.xml",
        "src/main/java/com/acme/build/Keys.java",
        "target/classes/com/acme/build/Keys.class",
        "target/app.jar",
        "target/generated-sources/annotations/Gen.java");
    PathFilter filter =
        PathFilter.of(List.of(), List.of("target/app.jar", "target/generated-sources/**"));

    assertThat(walk(project, filter, project, project.resolve("target/classes")))
        .containsExactly(
            "pom.xml",
            "src/main/java/com/acme/build/Keys.java",
            "target/classes/com/acme/build/Keys.class");
    assertThat(problems).isEmpty();
  }
}
