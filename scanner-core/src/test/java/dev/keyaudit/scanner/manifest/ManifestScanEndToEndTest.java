package dev.keyaudit.scanner.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.report.ReportContext;
import dev.keyaudit.scanner.report.ReportWriter;
import dev.keyaudit.scanner.report.ReportWriters;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.ScanResult;
import dev.keyaudit.scanner.scan.Scanner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scan of a small service repository with Kubernetes, Terraform, Docker and Spring files and a
 * keystore: every kind is reported, and no report format contains any of the secrets in full.
 */
class ManifestScanEndToEndTest {

  private static final String KEYSTORE_PASSWORD = "E2e-Keystore-Pass-42";
  private static final String JWT_SECRET = "ZTJlLWp3dC1zZWNyZXQtdGhhdC1pcy0zMi1ieXRlcyE=";
  private static final String COMPOSE_PASSWORD = "C0mpose-E2e-Password";

  @Test
  void scansAWholeRepositoryAndNeverPrintsASecret(@TempDir Path repo)
      throws IOException, URISyntaxException {
    Path fixtures = Path.of(getClass().getResource("/fixtures/manifests").toURI());
    String pem =
        Files.readString(fixtures.resolve("keys/server-rsa.pem")).replace(" # expect: KA401", "");
    String pemBody = pem.lines().filter(l -> !l.startsWith("-----")).findFirst().orElseThrow();

    write(
        repo,
        "k8s/tls.yaml",
        """
        apiVersion: v1
        kind: Secret
        metadata: {name: tls}
        data:
          tls.key: %s
        """
            .formatted(Base64.getEncoder().encodeToString(pem.getBytes(StandardCharsets.UTF_8))));
    write(
        repo,
        "terraform/main.tf",
        """
        resource "tls_private_key" "k" {
          algorithm = "RSA"
          rsa_bits  = 1024
        }
        """);
    write(
        repo,
        "Dockerfile",
        """
        FROM eclipse-temurin:17-jre
        ENV JAVA_TOOL_OPTIONS="-Djava.security.egd=file:/tmp/seed"
        RUN keytool -genkeypair -keyalg RSA -keysize 2048 -storepass %s -keystore k.p12
        """
            .formatted(KEYSTORE_PASSWORD));
    write(
        repo,
        "docker-compose.yml",
        """
        services:
          app:
            environment:
              - KEYSTORE_PASSWORD=%s
        """
            .formatted(COMPOSE_PASSWORD));
    write(
        repo,
        "src/main/resources/application.yml",
        """
        server:
          ssl:
            key-store-password: ${KEYSTORE_PASSWORD:%s}
        app:
          jwt:
            secret: %s
        """
            .formatted(KEYSTORE_PASSWORD, JWT_SECRET));
    Files.copy(
        fixtures.resolve("keystores/server.p12"), repo.resolve("src/main/resources/server.p12"));
    write(repo, "src/main/resources/pem-in-resources.pem", pem);

    ScanResult result =
        new Scanner(List.of(new ManifestFrontend()))
            .scan(ScanRequest.builder(List.of(repo)).threads(1).build());

    assertThat(result.findings())
        .extracting(f -> f.ruleId() + "@" + f.location())
        .contains(
            "KA401@k8s/tls.yaml:5",
            "KA102@terraform/main.tf:3",
            "KA405@Dockerfile:2",
            "KA402@Dockerfile:3",
            "KA402@docker-compose.yml:4",
            "KA402@src/main/resources/application.yml:3",
            "KA403@src/main/resources/application.yml:6",
            "KA401@src/main/resources/server.p12",
            "KA401@src/main/resources/pem-in-resources.pem:1");
    assertThat(result.notifications()).isEmpty();

    ReportContext context = new ReportContext("test", RuleCatalog.builtIn().rules());
    for (ReportWriter writer : ReportWriters.all()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writer.write(result, context, out);
      String report = out.toString(StandardCharsets.UTF_8);
      assertThat(report)
          .as(writer.format())
          .contains("KA401")
          .doesNotContain(KEYSTORE_PASSWORD, JWT_SECRET, COMPOSE_PASSWORD, pemBody);
    }
    for (Finding f : result.findings()) {
      assertThat(f.violation().message()).doesNotContain(KEYSTORE_PASSWORD, JWT_SECRET, pemBody);
    }
  }

  private static void write(Path repo, String rel, String text) throws IOException {
    Path file = repo.resolve(rel);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
