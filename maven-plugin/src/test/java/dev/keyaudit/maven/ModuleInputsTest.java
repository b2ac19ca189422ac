package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleInputsTest {

  private final Path root = Path.of("/repo").toAbsolutePath();
  private final Path module = root.resolve("services/api");

  @Test
  void moduleAtTheRootKeepsUserGlobsAsWritten() {
    ModuleInputs inputs =
        ModuleInputs.of(
            root,
            root,
            root.resolve("target"),
            List.of(),
            List.of(root.resolve("src/test/java")),
            true,
            List.of("src/main/**"),
            List.of("**/generated/**"),
            List.of(),
            List.of());

    assertThat(inputs.paths()).containsExactly(root);
    assertThat(inputs.includes()).containsExactly("src/main/**");
    assertThat(inputs.excludes()).containsExactly("target/**", "**/generated/**");
  }

  @Test
  void nestedModulePrefixesItsGlobsAndExcludesChildModules() {
    ModuleInputs inputs =
        ModuleInputs.of(
            root,
            module,
            module.resolve("build-out"),
            List.of("plugins"),
            List.of(),
            true,
            List.of("src/main/**"),
            List.of("legacy/**", "**/generated/**"),
            List.of(),
            List.of());

    assertThat(inputs.paths()).containsExactly(module);
    assertThat(inputs.includes()).containsExactly("services/api/src/main/**");
    assertThat(inputs.excludes())
        .containsExactly(
            "services/api/plugins/**",
            "services/api/build-out/**",
            "services/api/legacy/**",
            "**/generated/**");
  }

  @Test
  void excludingTestsExcludesTestSourceAndResourceFolders() {
    ModuleInputs inputs =
        ModuleInputs.of(
            root,
            module,
            module.resolve("target"),
            List.of(),
            List.of(module.resolve("src/test/java"), module.resolve("src/test/resources")),
            false,
            List.of(),
            List.of(),
            List.of(),
            List.of());

    assertThat(inputs.excludes())
        .containsExactly(
            "services/api/target/**",
            "services/api/src/test/java/**",
            "services/api/src/test/resources/**");
  }

  @Test
  void compiledClassesAreScannedAndTheRestOfTheBuildDirectoryIsNot(@TempDir Path dir)
      throws Exception {
    Path target = dir.resolve("target");
    Files.createDirectories(target.resolve("classes/it"));
    Files.createDirectories(target.resolve("test-classes"));
    Files.createDirectories(target.resolve("generated-sources/annotations"));
    Files.writeString(target.resolve("app.jar"), "");
    Path jar = Path.of("/m2/org/lib/1.0/lib-1.0.jar").toAbsolutePath();

    ModuleInputs inputs =
        ModuleInputs.of(
            dir,
            dir,
            target,
            List.of(),
            List.of(),
            true,
            List.of("src/main/**"),
            List.of(),
            List.of(target.resolve("classes"), target.resolve("test-classes"), dir.resolve("nope")),
            List.of(jar));

    assertThat(inputs.paths())
        .containsExactly(dir, target.resolve("classes"), target.resolve("test-classes"));
    assertThat(inputs.excludes()).containsExactly("target/app.jar", "target/generated-sources/**");
    assertThat(inputs.classOutputs()).containsExactly("target/classes", "target/test-classes");
    assertThat(inputs.includes())
        .containsExactly(
            "src/main/**",
            "target/classes/**",
            "target/test-classes/**",
            jar.toString().replace('\\', '/'));
  }

  @Test
  void withoutClassFoldersTheWholeBuildDirectoryIsExcluded(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("target/classes"));
    ModuleInputs inputs =
        ModuleInputs.of(
            dir,
            dir,
            dir.resolve("target"),
            List.of(),
            List.of(),
            false,
            List.of(),
            List.of(),
            List.of(),
            List.of());
    assertThat(inputs.paths()).containsExactly(dir);
    assertThat(inputs.excludes()).containsExactly("target/**");
    assertThat(inputs.includes()).isEmpty();
  }
}
