package dev.keyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyaudit.scanner.report.SarifSchemaAssert;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --dependencies=report|warn|ignore} on a compliant project whose runtime classpath ({@code
 * --classpath-file}) holds a library that generates RSA-1024.
 */
class DependencyModeOptionTest {

  private static final String WEAK =
      """
      package com.weak;

      import java.security.KeyPairGenerator;

      public class Legacy {
        public Object keys() throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(1024);
          return kpg.generateKeyPair();
        }
      }
      """;

  @TempDir Path dir;
  private Path project;
  private Path classpath;

  @BeforeEach
  void setUp() throws IOException {
    Files.createDirectories(dir.resolve("project/src/main/java/demo"));
    project = dir.resolve("project");
    Files.writeString(
        project.resolve("src/main/java/demo/Keys.java"),
        "package demo;\nclass Keys {\n  void make() throws Exception {\n"
            + "    java.security.KeyPairGenerator kpg ="
            + " java.security.KeyPairGenerator.getInstance(\"RSA\");\n"
            + "    kpg.initialize(3072);\n    kpg.generateKeyPair();\n  }\n}\n");
    Path jar = dir.resolve("repo/weak-lib-1.0.0.jar");
    Files.createDirectories(jar.getParent());
    Files.write(jar, weakJar());
    classpath = Files.writeString(dir.resolve("cp.txt"), jar.toString());
  }

  private byte[] weakJar() throws IOException {
    Path src = Files.createDirectories(dir.resolve("weak-src/com/weak"));
    Path out = Files.createDirectories(dir.resolve("weak-classes"));
    Files.writeString(src.resolve("Legacy.java"), WEAK);
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int rc =
        javac.run(
            null,
            null,
            null,
            "-g",
            "--release",
            "17",
            "-d",
            out.toString(),
            src.resolve("Legacy.java").toString());
    assertThat(rc).isZero();
    var bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry("META-INF/maven/com.weak/weak-lib/pom.properties"));
      zip.write(
          "groupId=com.weak\nartifactId=weak-lib\nversion=1.0.0\n"
              .getBytes(StandardCharsets.UTF_8));
      zip.putNextEntry(new ZipEntry("com/weak/Legacy.class"));
      zip.write(Files.readAllBytes(out.resolve("com/weak/Legacy.class")));
    }
    return bytes.toByteArray();
  }

  private CliRun scan(String... options) {
    var args = new java.util.ArrayList<>(List.of("scan", project.toString(), "-q"));
    args.addAll(List.of("--classpath-file", classpath.toString()));
    args.addAll(List.of(options));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void byDefaultADependencyFindingIsAWarningThatDoesNotFailTheBuild() {
    CliRun run = scan();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out())
        .contains("Dependency com.weak:weak-lib:1.0.0 (")
        .contains("weak-lib-1.0.0.jar!/com/weak/Legacy.class:8: WARNING [KA102]")
        .contains("(1 in dependencies)");
    assertThat(scan("--fail-on", "warning").exitCode()).isEqualTo(ExitCodes.FINDINGS);
  }

  @Test
  void reportKeepsTheErrorAndFailsTheBuild() {
    CliRun run = scan("--dependencies=report");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out()).contains("Legacy.class:8: ERROR [KA102]");
  }

  @Test
  void ignoreDoesNotScanTheClasspath() {
    CliRun run = scan("--dependencies", "ignore");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).doesNotContain("KA102").contains("KeyAudit: 0 findings");
  }

  @Test
  void sarifNamesTheArtifactWithAJarUri() {
    CliRun run = scan("--format", "sarif");

    JsonNode sarif = SarifSchemaAssert.assertValid(run.out());
    JsonNode result = sarif.at("/runs/0/results/0");
    assertThat(result.at("/level").asText()).isEqualTo("warning");
    assertThat(result.at("/properties/artifact").asText()).isEqualTo("com.weak:weak-lib:1.0.0");
    assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .startsWith("jar:file:/")
        .endsWith("/repo/weak-lib-1.0.0.jar!/com/weak/Legacy.class");
  }

  @Test
  void anUnknownModeIsAUsageError() {
    CliRun run = scan("--dependencies=sometimes");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).contains("--dependencies must be report, warn or ignore");
  }
}
