package dev.keyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * KeyAudit's own main code, keygen included, must scan clean under the strictest built-in policy
 * (cnsa-2.0, which extends fips-140-3). Test code, fixtures, samples and benchmarks are
 * deliberately non-compliant and excluded by path.
 */
class DogfoodTest {

  private static final Path REPO = Path.of("..").toAbsolutePath().normalize();

  @Test
  void ownMainCodeScansCleanUnderTheStrictestPolicy() {
    CliRun run =
        CliRun.of(
            "scan",
            REPO.toString(),
            "--policy",
            "cnsa-2.0",
            "--fail-on",
            "note",
            "--exclude",
            "**/src/test/**",
            "--exclude",
            "**/src/it/**",
            "--exclude",
            "sample-projects/**",
            "--exclude",
            "benchmarks/**");

    assertThat(run.exitCode()).as(run.out()).isEqualTo(ExitCodes.OK);
    assertThat(run.out()).contains("KeyAudit: 0 findings");
    assertThat(run.out()).as("every main source file was analysed").doesNotContain("not analysed");
    assertThat(run.out()).contains("keygen/src/main/java/dev/keyaudit/keygen/HashDrbgSha256.java");
  }
}
