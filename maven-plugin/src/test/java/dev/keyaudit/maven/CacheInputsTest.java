package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.cache.ScanCache;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.ScanRequest.DependencyMode;
import dev.keyaudit.scanner.scan.Scanner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the plugin hands the scan beyond sources — class folders, dependency jars, the dependency
 * mode, a policy file — is part of the result cache's key: changing any of them scans again.
 */
class CacheInputsTest {

  @TempDir Path dir;

  private ScanCache.Outcome scan(DependencyMode mode, String policy) {
    ScanRequest request =
        ScanRequest.builder(List.of(dir.resolve("module"), dir.resolve("module/target/classes")))
            .root(dir)
            .policy(policy)
            .targetJdk(17)
            .threads(1)
            .dependencies(List.of(dir.resolve("lib.jar")))
            .dependencyMode(mode)
            .build();
    return new ScanCache(dir.resolve("cache")).scan(request, new Scanner());
  }

  @Test
  void classesDependencyJarsModeAndPolicyFileAreInTheKey() throws Exception {
    Files.createDirectories(dir.resolve("module/target/classes/it"));
    Files.writeString(dir.resolve("module/pom.xml"), "<project/>");
    Path classFile = dir.resolve("module/target/classes/it/Keys.class");
    Files.write(classFile, new byte[] {1, 2, 3});
    Path jar = dir.resolve("lib.jar");
    Files.write(jar, new byte[] {4, 5, 6});
    Path policy = dir.resolve("acme.yaml");
    Files.writeString(policy, "id: acme\nextends: nist-800-131a\n");
    String policyFile = policy.toString();

    assertThat(scan(DependencyMode.REPORT, policyFile).reused()).isFalse();
    assertThat(scan(DependencyMode.REPORT, policyFile).reused()).isTrue();

    Files.write(classFile, new byte[] {1, 2, 3, 4});
    assertThat(scan(DependencyMode.REPORT, policyFile).reused()).isFalse();
    assertThat(scan(DependencyMode.REPORT, policyFile).reused()).isTrue();

    Files.write(jar, new byte[] {4, 5, 6, 7});
    assertThat(scan(DependencyMode.REPORT, policyFile).reused()).isFalse();

    assertThat(scan(DependencyMode.WARN, policyFile).reused()).isFalse();
    assertThat(scan(DependencyMode.WARN, policyFile).reused()).isTrue();

    Files.writeString(policy, "id: acme\nextends: fips-140-3\n");
    assertThat(scan(DependencyMode.WARN, policyFile).reused()).isFalse();
  }
}
