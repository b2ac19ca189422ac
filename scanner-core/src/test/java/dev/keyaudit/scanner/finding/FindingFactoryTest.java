package dev.keyaudit.scanner.finding;

import static dev.keyaudit.scanner.finding.TestFindings.violation;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.archive.ArchiveLimits;
import dev.keyaudit.scanner.archive.ArtifactLookup;
import dev.keyaudit.scanner.scan.CodeScope;
import dev.keyaudit.scanner.scan.ScanRequest.DependencyMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FindingFactoryTest {

  @TempDir Path root;

  private FindingFactory factory(Suppression... suppressions) {
    return new FindingFactory(new SourceFiles(root), List.of(suppressions), Baseline.empty());
  }

  @Test
  void testCodeIsOneSeverityStepLower() {
    List<Finding> findings =
        factory()
            .findings(
                List.of(
                    violation("KA102", Severity.ERROR, "src/test/java/KeysTest.java", 3),
                    violation("KA102", Severity.ERROR, "src/main/java/Keys.java", 3),
                    violation("KA201", Severity.NOTE, "src/test/java/KeysTest.java", 9)));

    assertThat(findings)
        .extracting(f -> f.location().path(), Finding::scope, Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "src/main/java/Keys.java", CodeScope.MAIN, Severity.ERROR),
            org.assertj.core.groups.Tuple.tuple(
                "src/test/java/KeysTest.java", CodeScope.TEST, Severity.WARNING),
            org.assertj.core.groups.Tuple.tuple(
                "src/test/java/KeysTest.java", CodeScope.TEST, Severity.NOTE));
    assertThat(findings.get(1).violation().severity()).isEqualTo(Severity.ERROR);
  }

  private List<Finding> withDependencies(DependencyMode mode, List<Violation> violations) {
    DependencyOrigins origins =
        new DependencyOrigins(Set.of(), new ArtifactLookup(root, ArchiveLimits.DEFAULT));
    return new FindingFactory(new SourceFiles(root), List.of(), Baseline.empty(), origins, mode)
        .findings(violations);
  }

  @Test
  void warnCapsDependencyErrorsAtWarningAndListsThemAfterTheProjectsOwn() {
    List<Violation> violations =
        List.of(
            violation("KA102", Severity.ERROR, "app.jar!/BOOT-INF/lib/z.jar!/Z.class", 5),
            violation("KA201", Severity.NOTE, "app.jar!/BOOT-INF/lib/a.jar!/A.class", 4),
            violation("KA102", Severity.ERROR, "src/main/java/Keys.java", 3));

    List<Finding> warn = withDependencies(DependencyMode.WARN, violations);
    assertThat(warn)
        .extracting(f -> f.location().path(), Finding::severity)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("src/main/java/Keys.java", Severity.ERROR),
            org.assertj.core.groups.Tuple.tuple(
                "app.jar!/BOOT-INF/lib/a.jar!/A.class", Severity.NOTE),
            org.assertj.core.groups.Tuple.tuple(
                "app.jar!/BOOT-INF/lib/z.jar!/Z.class", Severity.WARNING));
    assertThat(warn.get(2).dependency().displayName()).isEqualTo("z.jar");
    assertThat(warn.get(0).inDependency()).isFalse();

    List<Finding> report = withDependencies(DependencyMode.REPORT, violations);
    assertThat(report.get(2).severity()).isEqualTo(Severity.ERROR);
    assertThat(report.get(2).inDependency()).isTrue();
  }

  @Test
  void fingerprintComesFromTheFileContent() throws Exception {
    Files.writeString(root.resolve("A.java"), " a\nb\n  \t\tc\n d");

    List<Finding> findings =
        factory()
            .findings(
                List.of(
                    violation("KA102", Severity.ERROR, "A.java", 2),
                    violation("KA102", Severity.ERROR, "lib/a.jar!/A.class", 2)));

    assertThat(findings.get(0).fingerprint()).isEqualTo("54703d4cd895b18:1");
    assertThat(findings.get(1).fingerprint())
        .isEqualTo(LineHashFingerprint.fallback("lib/a.jar!/A.class", 2));
  }

  @Test
  void waiversCoverTheirRulesAndLinesOnly() {
    Suppression ka102 = new Suppression("A.java", 10, 20, Set.of("KA102"), "annotation", "legacy");
    Suppression all = new Suppression("A.java", 30, 30, Set.of("*"), "comment", "test vector");

    List<Finding> findings =
        factory(ka102, all)
            .findings(
                List.of(
                    violation("KA102", Severity.ERROR, "A.java", 15),
                    violation("KA201", Severity.ERROR, "A.java", 15),
                    violation("KA102", Severity.ERROR, "A.java", 21),
                    violation("KA301", Severity.ERROR, "A.java", 30),
                    violation("KA102", Severity.ERROR, "B.java", 15)));

    assertThat(findings)
        .extracting(f -> f.location().path() + ":" + f.location().startLine() + " " + f.ruleId())
        .containsExactly(
            "A.java:15 KA102",
            "A.java:15 KA201",
            "A.java:21 KA102",
            "A.java:30 KA301",
            "B.java:15 KA102");
    assertThat(findings)
        .extracting(Finding::suppression)
        .containsExactly(ka102, null, null, all, null);
  }

  @Test
  void theNarrowestWaiverWins() {
    Suppression method = new Suppression("A.java", 1, 50, Set.of("KA102"), "annotation", "method");
    Suppression line = new Suppression("A.java", 7, 7, Set.of("KA102"), "comment", "this line");

    Violation v = violation("KA102", Severity.ERROR, "A.java", 7);

    assertThat(factory(method, line).findings(List.of(v)).get(0).suppression()).isEqualTo(line);
  }
}
