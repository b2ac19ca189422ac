package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

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
            List.of("**/generated/**"));

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
            List.of("legacy/**", "**/generated/**"));

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
            List.of());

    assertThat(inputs.excludes())
        .containsExactly(
            "services/api/target/**",
            "services/api/src/test/java/**",
            "services/api/src/test/resources/**");
  }
}
