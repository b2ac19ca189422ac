package dev.keyaudit.scanner.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.finding.Finding;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Maven project scanned as the plugin scans it: the module folder plus its compiled tests. A
 * package named {@code build} is code, the build's own {@code target} is not, and a compiled test
 * is test code even with no source beside it.
 */
class BuildOutputScanEndToEndTest {

  private static final String WEAK_KEYS =
      """
      package com.acme.build;

      import java.security.KeyPair;
      import java.security.KeyPairGenerator;

      public class Keys {
        public KeyPair signing() throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(1024);
          return kpg.generateKeyPair();
        }
      }
      """;

  private static final String KEYS_TEST =
      """
      package com.acme;

      import java.nio.charset.StandardCharsets;
      import javax.crypto.spec.SecretKeySpec;

      public class KeysTest {
        SecretKeySpec fixedKey() {
          return new SecretKeySpec("k3y-0f-sixteen-b".getBytes(StandardCharsets.UTF_8), "AES");
        }
      }
      """;

  @TempDir Path project;
  @TempDir Path elsewhere;

  @Test
  void findsBuildPackagesSkipsTargetAndTagsCompiledTests() throws IOException {
    write(project.resolve("pom.xml"), "<project/>");
    write(project.resolve("src/main/java/com/acme/build/Keys.java"), WEAK_KEYS);
    write(project.resolve("target/stale-copy/com/acme/build/Keys.java"), WEAK_KEYS);
    Path testClasses = project.resolve("target/test-classes");
    compile(KEYS_TEST, "KeysTest.java", testClasses);

    ScanResult result =
        new Scanner()
            .scan(
                ScanRequest.builder(List.of(project, testClasses))
                    .root(project)
                    .targetJdk(17)
                    .threads(1)
                    .build());

    assertThat(result.findings())
        .filteredOn(f -> f.ruleId().equals("KA102"))
        .extracting(f -> f.location().path())
        .containsExactly("src/main/java/com/acme/build/Keys.java");
    List<Finding> hardcoded =
        result.findings().stream().filter(f -> f.ruleId().equals("KA301")).toList();
    assertThat(hardcoded)
        .extracting(f -> f.location().path())
        .containsExactly("target/test-classes/com/acme/KeysTest.class");
    Finding testKey = hardcoded.get(0);
    assertThat(testKey.scope()).isEqualTo(CodeScope.TEST);
    assertThat(testKey.scope().tag()).isEqualTo("test-context");
    assertThat(testKey.severity()).isEqualTo(testKey.violation().severity().lower());
    assertThat(result.notifications()).isEmpty();
  }

  /** Compiles one class with {@code -g} from a source outside the project, as a build would. */
  private void compile(String source, String fileName, Path classes) throws IOException {
    Path file = write(elsewhere.resolve(fileName), source);
    Files.createDirectories(classes);
    int exit =
        ToolProvider.getSystemJavaCompiler()
            .run(
                null,
                null,
                null,
                "-g",
                "--release",
                "17",
                "-d",
                classes.toString(),
                file.toString());
    assertThat(exit).as("javac exit code").isZero();
  }

  private static Path write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }
}
