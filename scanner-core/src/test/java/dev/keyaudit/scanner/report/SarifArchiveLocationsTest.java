package dev.keyaudit.scanner.report;

import static dev.keyaudit.scanner.finding.TestFindings.finding;
import static dev.keyaudit.scanner.finding.TestFindings.violation;
import static dev.keyaudit.scanner.report.SampleScan.sarif;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.archive.Artifact;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.finding.TestFindings;
import dev.keyaudit.scanner.scan.Notification;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archive entries in SARIF: jar-style URIs and nested {@code run.artifacts} (SARIF §3.24). */
class SarifArchiveLocationsTest {

  @TempDir Path root;

  private static Finding inDependency(String path, Artifact artifact) {
    Finding f = finding(violation("KA102", Severity.ERROR, path, 7));
    return new Finding(
        f.violation(),
        Severity.WARNING,
        f.scope(),
        f.fingerprint(),
        f.suppression(),
        f.baselined(),
        artifact);
  }

  @Test
  void eachEnclosingArchiveIsANestedArtifactPointingAtItsParent() {
    String war = "dist/app.ear!/web.war";
    Artifact lib = new Artifact(war + "!/WEB-INF/lib/legacy.jar", "com.acme:legacy:1.0", true);
    JsonNode run =
        sarif(
                TestFindings.result(
                    root,
                    List.of(
                        finding(
                            violation(
                                "KA102", Severity.ERROR, war + "!/WEB-INF/classes/a/A.class", 3)),
                        inDependency(lib.location() + "!/b/B.class", lib))))
            .at("/runs/0");

    JsonNode artifacts = run.at("/artifacts");
    assertThat(artifacts).hasSize(3);
    assertThat(artifacts.get(0).at("/location/uri").asText()).isEqualTo("dist/app.ear");
    assertThat(artifacts.get(0).at("/location/uriBaseId").asText()).isEqualTo("%SRCROOT%");
    assertThat(artifacts.get(1).at("/location/uri").asText()).isEqualTo("web.war");
    assertThat(artifacts.get(1).at("/parentIndex").asInt()).isEqualTo(0);
    assertThat(artifacts.get(1).has("properties")).isFalse();
    assertThat(artifacts.get(2).at("/location/uri").asText()).isEqualTo("WEB-INF/lib/legacy.jar");
    assertThat(artifacts.get(2).at("/parentIndex").asInt()).isEqualTo(1);
    assertThat(artifacts.get(2).at("/properties/coordinates").asText())
        .isEqualTo("com.acme:legacy:1.0");

    JsonNode dependency = run.at("/results/1");
    assertThat(dependency.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .isEqualTo("dist/app.ear!/web.war!/WEB-INF/lib/legacy.jar!/b/B.class");
    assertThat(dependency.at("/properties/artifact").asText()).isEqualTo("com.acme:legacy:1.0");
    assertThat(dependency.at("/properties/policySeverity").asText()).isEqualTo("error");
  }

  @Test
  void anArchiveOutsideTheRootGetsAnAbsoluteJarUriWithoutBase() {
    Path jar = root.getParent().resolve("my repo/legacy-1.0.jar").toAbsolutePath();
    String jarPath = jar.toString().replace('\\', '/');
    Artifact lib = new Artifact(jarPath, null, false);
    JsonNode run =
        sarif(
                TestFindings.result(
                    root,
                    List.of(inDependency(jarPath + "!/b/B.class", lib)),
                    List.of(),
                    List.of(Notification.warning(jarPath, 0, "cannot read archive: test"))))
            .at("/runs/0");

    JsonNode location = run.at("/results/0/locations/0/physicalLocation/artifactLocation");
    assertThat(location.at("/uri").asText()).isEqualTo("jar:" + jar.toUri() + "!/b/B.class");
    assertThat(location.at("/uri").asText()).contains("my%20repo");
    assertThat(location.has("uriBaseId")).isFalse();
    assertThat(run.at("/results/0/properties/artifact").asText()).isEqualTo("legacy-1.0.jar");
    assertThat(run.at("/artifacts/0/location/uri").asText()).isEqualTo(jar.toUri().toString());
    assertThat(run.at("/artifacts/0/location").has("uriBaseId")).isFalse();
    assertThat(
            run.at(
                    "/invocations/0/toolExecutionNotifications/0/locations/0/physicalLocation"
                        + "/artifactLocation/uri")
                .asText())
        .isEqualTo(jar.toUri().toString());
  }
}
