package dev.keyaudit.scanner.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.finding.Finding;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCacheTest {

  private static final String WEAK_RSA =
      """
      import java.security.KeyPairGenerator;
      class Keys {
        void make() throws Exception {
          KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          kpg.initialize(1024);
          kpg.generateKeyPair();
        }
      }
      """;

  @TempDir Path project;
  @TempDir Path cacheDir;
  private final Scanner scanner = new Scanner();
  private ScanCache cache;

  @BeforeEach
  void setUp() throws IOException {
    Files.writeString(project.resolve("Keys.java"), WEAK_RSA);
    cache = new ScanCache(cacheDir);
  }

  private ScanRequest request(String policy) {
    return ScanRequest.builder(List.of(project))
        .root(project)
        .policy(policy)
        .targetJdk(17)
        .threads(1)
        .build();
  }

  @Test
  void secondScanOfUnchangedInputsIsReusedWithTheSameFindings() {
    ScanCache.Outcome first = cache.scan(request("nist-800-131a"), scanner);
    ScanCache.Outcome second = cache.scan(request("nist-800-131a"), scanner);

    assertThat(first.reused()).isFalse();
    assertThat(first.result().findings()).extracting(Finding::ruleId).contains("KA102");
    assertThat(second.reused()).isTrue();
    assertThat(second.result()).isEqualTo(first.result());
  }

  @Test
  void changedFileContentScansAgain() throws IOException {
    cache.scan(request("nist-800-131a"), scanner);
    Files.writeString(project.resolve("Keys.java"), WEAK_RSA.replace("1024", "3072"));

    ScanCache.Outcome again = cache.scan(request("nist-800-131a"), scanner);

    assertThat(again.reused()).isFalse();
    assertThat(again.result().findings()).extracting(Finding::ruleId).doesNotContain("KA102");
  }

  @Test
  void addedFileScansAgain() throws IOException {
    cache.scan(request("nist-800-131a"), scanner);
    Files.writeString(project.resolve("Other.java"), "class Other {}");

    assertThat(cache.scan(request("nist-800-131a"), scanner).reused()).isFalse();
  }

  @Test
  void otherPolicyScansAgain() {
    cache.scan(request("nist-800-131a"), scanner);

    assertThat(cache.scan(request("fips-140-3"), scanner).reused()).isFalse();
  }

  @Test
  void changedPolicyFileScansAgain() throws IOException {
    Path policy = cacheDir.resolve("policy.yaml");
    Files.writeString(policy, "id: mine\nextends: nist-800-131a\n");
    cache.scan(request(policy.toString()), scanner);
    assertThat(cache.scan(request(policy.toString()), scanner).reused()).isTrue();

    Files.writeString(policy, "id: mine\nextends: fips-140-3\n");

    assertThat(cache.scan(request(policy.toString()), scanner).reused()).isFalse();
  }

  @Test
  void damagedCacheFileMeansScanAgain() throws IOException {
    cache.scan(request("nist-800-131a"), scanner);
    Files.writeString(cacheDir.resolve(ScanCache.FILE_NAME), "{not json");

    ScanCache.Outcome again = cache.scan(request("nist-800-131a"), scanner);

    assertThat(again.reused()).isFalse();
    assertThat(again.result().findings()).extracting(Finding::ruleId).contains("KA102");
    assertThat(cache.scan(request("nist-800-131a"), scanner).reused()).isTrue();
  }

  @Test
  void fileNoFrontendReadsDoesNotInvalidate() throws IOException {
    cache.scan(request("nist-800-131a"), scanner);
    Files.writeString(project.resolve("build.log"), "[INFO] BUILD SUCCESS");

    assertThat(cache.scan(request("nist-800-131a"), scanner).reused()).isTrue();
  }
}
