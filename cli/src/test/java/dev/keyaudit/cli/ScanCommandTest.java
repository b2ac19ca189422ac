package dev.keyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyaudit.scanner.report.SarifSchemaAssert;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes, formats, baseline and explain output of {@code keyaudit scan}. */
class ScanCommandTest {

  private static final String WEAK_RSA =
      """
      package demo;

      import java.security.KeyPairGenerator;

      class Keys {
        void weak() throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(1024);
          kpg.generateKeyPair();
        }

        void fromOutside(int bits) throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(bits);
          kpg.generateKeyPair();
        }
      }
      """;

  @TempDir Path project;

  @BeforeEach
  void writeProject() throws IOException {
    Path src = Files.createDirectories(project.resolve("src/main/java/demo"));
    Files.writeString(src.resolve("Keys.java"), WEAK_RSA);
  }

  @Test
  void weakKeyFailsWithExitOneAndNamesFileLineAndRule() {
    CliRun run = CliRun.of("scan", project.toString(), "--quiet");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out()).contains("src/main/java/demo/Keys.java:8: ERROR [KA102]");
    assertThat(run.out()).contains("requires at least 2048 bits");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void failOnNoneAlwaysExitsZero() {
    assertThat(CliRun.of("scan", project.toString(), "-q", "--fail-on", "none").exitCode())
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void compliantCodeExitsZero() throws IOException {
    Files.writeString(
        project.resolve("src/main/java/demo/Keys.java"),
        WEAK_RSA.replace("initialize(1024)", "initialize(3072)"));

    assertThat(CliRun.of("scan", project.toString(), "-q").exitCode()).isEqualTo(ExitCodes.OK);
  }

  @Test
  void unknownPolicyIsAUsageErrorWithAClearMessage() {
    CliRun run = CliRun.of("scan", project.toString(), "--policy", "no-such-policy");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).contains("no-such-policy");
  }

  @Test
  void badFailOnAndBadFormatAreUsageErrors() {
    assertThat(CliRun.of("scan", project.toString(), "--fail-on", "critical").exitCode())
        .isEqualTo(ExitCodes.ERROR);
    CliRun badFormat = CliRun.of("scan", project.toString(), "--format", "pdf");
    assertThat(badFormat.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(badFormat.err()).contains("pdf");
  }

  @Test
  void sarifToStdoutValidatesAndKeepsStdoutClean() {
    CliRun run = CliRun.of("scan", project.toString(), "--format", "sarif");

    JsonNode sarif = SarifSchemaAssert.assertValid(run.out());
    assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo("KA102");
    assertThat(
            sarif
                .at("/runs/0/results/0/locations/0/physicalLocation/artifactLocation/uri")
                .asText())
        .isEqualTo("src/main/java/demo/Keys.java");
    assertThat(run.err()).contains("KeyAudit: 1 finding");
  }

  @Test
  void severalFormatsGoIntoTheOutputFolder() throws IOException {
    Path out = project.resolve("reports");

    CliRun run =
        CliRun.of("scan", project.toString(), "-f", "sarif,json,text", "-o", out.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    SarifSchemaAssert.assertValid(Files.readString(out.resolve("keyaudit.sarif")));
    JsonNode json = new ObjectMapper().readTree(out.resolve("keyaudit.json").toFile());
    assertThat(json.at("/summary/active").asInt()).isEqualTo(1);
    assertThat(Files.readString(out.resolve("keyaudit.txt"))).contains("[KA102]");
  }

  @Test
  void baselineAcceptsExistingFindingsButNotNewOnes() throws IOException {
    Path baseline = project.resolve("keyaudit-baseline.json");

    CliRun update =
        CliRun.of(
            "scan", project.toString(), "--baseline", baseline.toString(), "--update-baseline");
    assertThat(update.exitCode()).isEqualTo(ExitCodes.OK);
    assertThat(baseline).exists();

    CliRun accepted =
        CliRun.of("scan", project.toString(), "-q", "--baseline", baseline.toString());
    assertThat(accepted.exitCode()).isEqualTo(ExitCodes.OK);

    Files.writeString(
        project.resolve("src/main/java/demo/More.java"),
        WEAK_RSA.replace("class Keys", "class More").replace("1024", "512"));
    CliRun withNew = CliRun.of("scan", project.toString(), "-q", "--baseline", baseline.toString());
    assertThat(withNew.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(withNew.out())
        .contains("More.java:8: ERROR [KA102]")
        .contains("accepted by the baseline")
        .contains("KeyAudit: 1 finding (1 error, 0 warning, 0 note) in 1 file · 1 baselined");
  }

  @Test
  void missingBaselineFileIsAnError() {
    CliRun run =
        CliRun.of(
            "scan", project.toString(), "--baseline", project.resolve("nope.json").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.ERROR);
    assertThat(run.err()).contains("nope.json");
  }

  @Test
  void explainListsWhatStayedUnresolvedAndWhy() {
    CliRun run = CliRun.of("scan", project.toString(), "-q", "--explain");

    assertThat(run.out()).contains("Explain: 1 call site(s) unresolved").contains("KA102");
    assertThat(run.out())
        .contains("Keys.java:13")
        .contains("parameter bits of Keys.fromOutside(int)");
  }

  @Test
  void unparsableFileIsReportedAndTheRestIsStillScanned() throws IOException {
    Files.writeString(
        project.resolve("src/main/java/demo/Broken.java"),
        "import javax.crypto.Cipher;\nclass Broken { void x( }");

    CliRun run = CliRun.of("scan", project.toString(), "-q");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
    assertThat(run.out()).contains("Broken.java").contains("[KA102]");
  }

  @Test
  void targetJdkChangesTheProviderDefault() throws IOException {
    Files.writeString(
        project.resolve("src/main/java/demo/Keys.java"),
        """
        package demo;

        import javax.crypto.KeyGenerator;

        class Keys {
          Object key() throws Exception {
            KeyGenerator kg = KeyGenerator.getInstance("AES");
            return kg.generateKey();
          }
        }
        """);

    assertThat(CliRun.of("scan", project.toString(), "-q", "--target-jdk", "17").out())
        .contains("[KA104]")
        .contains("128 bits");
    assertThat(CliRun.of("scan", project.toString(), "-q", "--target-jdk", "21").out())
        .contains("[KA104]")
        .contains("256 bits");
  }
}
