package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.archive.ZipBuilder;
import dev.keyaudit.scanner.cache.ScanCache;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.report.JsonReportWriter;
import dev.keyaudit.scanner.report.ReportContext;
import dev.keyaudit.scanner.report.ReportWriter;
import dev.keyaudit.scanner.report.SarifReportWriter;
import dev.keyaudit.scanner.report.SarifSchemaAssert;
import dev.keyaudit.scanner.report.TextReportWriter;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.ScanRequest.DependencyMode;
import dev.keyaudit.scanner.scan.ScanResult;
import dev.keyaudit.scanner.scan.Scanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 §4/§5 end to end: a Spring Boot fat jar whose own code and whose bundled library both
 * generate RSA-1024, and a weak jar from the runtime classpath outside the scan root. The library's
 * findings carry their artifact, a jar-style URI and the level the dependency mode says; the
 * application's own finding is an error whatever the mode.
 */
class DependencyFindingsEndToEndTest {

  private static final String APP_CLASS = "app.jar!/BOOT-INF/classes/com/acme/App.class";
  private static final String LIB_JAR = "app.jar!/BOOT-INF/lib/weak-lib-1.0.0.jar";
  private static final String LIB_CLASS = LIB_JAR + "!/com/weak/Legacy.class";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path dist;
  private Path classpathJar;

  @BeforeEach
  void buildJars() throws IOException {
    Path src = Files.createDirectories(dir.resolve("src"));
    Path app = Files.writeString(src.resolve("App.java"), WeakRsaClass.source("com.acme", "App"));
    Path legacy =
        Files.writeString(src.resolve("Legacy.java"), WeakRsaClass.source("com.weak", "Legacy"));
    Path old = Files.writeString(src.resolve("Old.java"), WeakRsaClass.source("org.old", "Old"));
    Map<Path, Map<String, byte[]>> classes = InMemoryJavac.compile(List.of(app, legacy, old), 17);
    byte[] weakLib =
        ZipBuilder.jar()
            .add(
                "META-INF/maven/com.weak/weak-lib/pom.properties",
                "groupId=com.weak\nartifactId=weak-lib\nversion=1.0.0\n")
            .add("com/weak/Legacy.class", classes.get(legacy).get("com/weak/Legacy"))
            .bytes();
    byte[] fatJar =
        ZipBuilder.jar()
            .add("BOOT-INF/classes/com/acme/App.class", classes.get(app).get("com/acme/App"))
            .add("BOOT-INF/lib/weak-lib-1.0.0.jar", weakLib)
            .bytes();
    dist = Files.createDirectories(dir.resolve("dist"));
    Files.write(dist.resolve("app.jar"), fatJar);
    // A jar of the runtime classpath, outside the scan root and without pom.properties.
    Path repository = Files.createDirectories(dir.resolve("m2/org/old/old-crypto/0.9"));
    classpathJar =
        Files.write(
            repository.resolve("old-crypto-0.9.jar"),
            ZipBuilder.jar().add("org/old/Old.class", classes.get(old).get("org/old/Old")).bytes());
  }

  private ScanResult scan(DependencyMode mode) {
    return new Scanner()
        .scan(
            ScanRequest.builder(List.of(dist))
                .targetJdk(17)
                .dependencies(List.of(classpathJar))
                .dependencyMode(mode)
                .build());
  }

  private static Finding ka102(ScanResult result, String pathEnd) {
    return result.findings().stream()
        .filter(f -> f.ruleId().equals("KA102") && f.location().path().endsWith(pathEnd))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no KA102 at " + pathEnd + ": " + result.findings()));
  }

  @Test
  void reportKeepsDependencyFindingsAsTheyAre() {
    ScanResult result = scan(DependencyMode.REPORT);

    Finding own = ka102(result, APP_CLASS);
    assertThat(own.inDependency()).isFalse();
    assertThat(own.severity()).isEqualTo(Severity.ERROR);

    Finding lib = ka102(result, LIB_CLASS);
    assertThat(lib.location().path()).isEqualTo(LIB_CLASS);
    assertThat(lib.dependency().coordinates()).isEqualTo("com.weak:weak-lib:1.0.0");
    assertThat(lib.dependency().location()).isEqualTo(LIB_JAR);
    assertThat(lib.dependency().nested()).isTrue();
    assertThat(lib.severity()).isEqualTo(Severity.ERROR);

    Finding old = ka102(result, "old-crypto-0.9.jar!/org/old/Old.class");
    assertThat(old.dependency().coordinates()).isNull();
    assertThat(old.dependency().displayName()).isEqualTo("old-crypto-0.9.jar");
    assertThat(old.severity()).isEqualTo(Severity.ERROR);
  }

  @Test
  void warnCapsDependencyFindingsAtWarningButNotTheApplicationsOwn() {
    ScanResult result = scan(DependencyMode.WARN);

    assertThat(ka102(result, APP_CLASS).severity()).isEqualTo(Severity.ERROR);
    Finding lib = ka102(result, LIB_CLASS);
    assertThat(lib.severity()).isEqualTo(Severity.WARNING);
    assertThat(lib.violation().severity()).isEqualTo(Severity.ERROR);
    assertThat(ka102(result, "org/old/Old.class").severity()).isEqualTo(Severity.WARNING);
    // --fail-on error sees only the application's own finding.
    assertThat(result.activeFindings())
        .filteredOn(f -> f.severity().atLeast(Severity.ERROR))
        .extracting(f -> f.location().path())
        .containsExactly(APP_CLASS);
  }

  @Test
  void ignoreScansNoDependencyAndReportsNothingFromBundledLibraries() {
    ScanResult result = scan(DependencyMode.IGNORE);

    assertThat(result.findings()).extracting(f -> f.location().path()).containsOnly(APP_CLASS);
    assertThat(result.findings()).noneMatch(Finding::inDependency);
  }

  @Test
  void sarifNamesTheJarFirstDescribesTheNestingAndNamesTheArtifact() throws IOException {
    ScanResult result = scan(DependencyMode.WARN);
    JsonNode sarif = SarifSchemaAssert.assertValid(render(new SarifReportWriter(), result));
    JsonNode run = sarif.at("/runs/0");

    JsonNode lib = resultAt(run, LIB_CLASS);
    assertThat(lib.at("/level").asText()).isEqualTo("warning");
    JsonNode location = lib.at("/locations/0/physicalLocation/artifactLocation");
    assertThat(location.at("/uri").asText()).isEqualTo(LIB_CLASS);
    assertThat(location.at("/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(lib.at("/properties/artifact").asText()).isEqualTo("com.weak:weak-lib:1.0.0");
    assertThat(lib.at("/properties/artifactPath").asText()).isEqualTo(LIB_JAR);
    assertThat(lib.at("/properties/policySeverity").asText()).isEqualTo("error");
    assertThat(lib.at("/properties/tags").toString()).contains("dependency");

    JsonNode own = resultAt(run, APP_CLASS);
    assertThat(own.at("/level").asText()).isEqualTo("error");
    assertThat(own.at("/properties/artifact").isMissingNode()).isTrue();

    // The classpath jar lies outside the scan root: a complete jar: URI, no uriBaseId.
    JsonNode old = resultAt(run, "org/old/Old.class");
    JsonNode oldLocation = old.at("/locations/0/physicalLocation/artifactLocation");
    assertThat(oldLocation.at("/uri").asText())
        .startsWith("jar:file:/")
        .endsWith("/m2/org/old/old-crypto/0.9/old-crypto-0.9.jar!/org/old/Old.class");
    assertThat(oldLocation.has("uriBaseId")).isFalse();

    // run.artifacts: app.jar (top level, under %SRCROOT%) and its nested library (parentIndex).
    JsonNode artifacts = run.at("/artifacts");
    assertThat(artifacts.get(0).at("/location/uri").asText()).isEqualTo("app.jar");
    assertThat(artifacts.get(0).at("/location/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(artifacts.get(0).has("parentIndex")).isFalse();
    assertThat(artifacts.get(1).at("/location/uri").asText())
        .isEqualTo("BOOT-INF/lib/weak-lib-1.0.0.jar");
    assertThat(artifacts.get(1).at("/location").has("uriBaseId")).isFalse();
    assertThat(artifacts.get(1).at("/parentIndex").asInt()).isZero();
    assertThat(artifacts.get(1).at("/properties/coordinates").asText())
        .isEqualTo("com.weak:weak-lib:1.0.0");
  }

  @Test
  void textGroupsDependencyFindingsPerArtifactAfterTheProjectsOwn() throws IOException {
    String text = render(new TextReportWriter(), scan(DependencyMode.WARN));

    int own = text.indexOf(APP_CLASS + ":8: ERROR [KA102]");
    int heading =
        text.indexOf("Dependency com.weak:weak-lib:1.0.0 (" + LIB_JAR + "):\n" + LIB_CLASS + ":8:");
    int classpath = text.indexOf("Dependency old-crypto-0.9.jar (");
    assertThat(own).isNotNegative();
    assertThat(heading).isGreaterThan(own);
    assertThat(classpath).isGreaterThan(own);
    assertThat(text).contains(LIB_CLASS + ":8: WARNING [KA102]");
    assertThat(text).contains("dependency, capped at WARNING: lowered from ERROR");
    assertThat(text).contains("(2 in dependencies)");
  }

  @Test
  void jsonGivesEachFindingItsArtifact() throws IOException {
    JsonNode json = JSON.readTree(render(new JsonReportWriter(), scan(DependencyMode.WARN)));

    JsonNode lib = null;
    JsonNode own = null;
    for (JsonNode f : json.at("/findings")) {
      String path = f.at("/location/path").asText();
      if (path.equals(LIB_CLASS)) {
        lib = f;
      } else if (path.equals(APP_CLASS)) {
        own = f;
      }
    }
    assertThat(lib.at("/artifact/name").asText()).isEqualTo("com.weak:weak-lib:1.0.0");
    assertThat(lib.at("/artifact/path").asText()).isEqualTo(LIB_JAR);
    assertThat(lib.at("/severity").asText()).isEqualTo("warning");
    assertThat(own.get("artifact").isNull()).isTrue();
    assertThat(json.at("/summary/activeInDependencies").asInt()).isEqualTo(2);
  }

  @Test
  void aCachedResultKeepsTheArtifactsAndOtherModesScanAgain() {
    ScanCache cache = new ScanCache(dir.resolve("cache"));
    ScanRequest warn =
        ScanRequest.builder(List.of(dist))
            .targetJdk(17)
            .dependencies(List.of(classpathJar))
            .dependencyMode(DependencyMode.WARN)
            .build();
    ScanCache.Outcome first = cache.scan(warn, new Scanner());
    ScanCache.Outcome second = cache.scan(warn, new Scanner());

    assertThat(second.reused()).isTrue();
    assertThat(second.result()).isEqualTo(first.result());
    assertThat(ka102(second.result(), LIB_CLASS).dependency().coordinates())
        .isEqualTo("com.weak:weak-lib:1.0.0");

    ScanRequest report =
        ScanRequest.builder(List.of(dist))
            .targetJdk(17)
            .dependencies(List.of(classpathJar))
            .dependencyMode(DependencyMode.REPORT)
            .build();
    assertThat(cache.scan(report, new Scanner()).reused()).isFalse();
  }

  @Test
  void aClassScannedAsSourceAndInsideAJarIsReportedOnceOnItsSource() throws IOException {
    Path source =
        Files.createDirectories(dir.resolve("project/src/main/java/com/acme")).resolve("App.java");
    Files.writeString(source, WeakRsaClass.source("com.acme", "App"));
    Files.copy(dist.resolve("app.jar"), dir.resolve("project/app.jar"));

    ScanResult result =
        new Scanner()
            .scan(
                ScanRequest.builder(List.of(dir.resolve("project")))
                    .targetJdk(17)
                    .dependencyMode(DependencyMode.REPORT)
                    .build());

    assertThat(result.findings())
        .filteredOn(f -> f.ruleId().equals("KA102"))
        .extracting(f -> f.location().toString())
        .containsExactly(
            "src/main/java/com/acme/App.java:8",
            "app.jar!/BOOT-INF/lib/weak-lib-1.0.0.jar!/com/weak/Legacy.class:8");
  }

  private static JsonNode resultAt(JsonNode run, String uriEnd) {
    for (JsonNode r : run.at("/results")) {
      if (r.at("/locations/0/physicalLocation/artifactLocation/uri").asText().endsWith(uriEnd)) {
        return r;
      }
    }
    throw new AssertionError("no result at " + uriEnd);
  }

  private static String render(ReportWriter writer, ScanResult result) throws IOException {
    var out = new ByteArrayOutputStream();
    writer.write(result, new ReportContext("test", RuleCatalog.builtIn().rules()), out);
    return out.toString(StandardCharsets.UTF_8);
  }
}
