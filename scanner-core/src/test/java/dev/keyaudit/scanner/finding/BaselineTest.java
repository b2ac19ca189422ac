package dev.keyaudit.scanner.finding;

import static dev.keyaudit.scanner.finding.TestFindings.result;
import static dev.keyaudit.scanner.finding.TestFindings.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.model.Severity;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineTest {

  private static final String PATH = "src/main/java/com/acme/Keys.java";
  private static final String WEAK = "    kpg.initialize(1024);";
  private static final String SECRET = "s3cr3t-K3y-Material-0123456789";

  @TempDir Path root;
  private Path baselineFile;

  @BeforeEach
  void setUp() {
    baselineFile = root.resolve(Baseline.DEFAULT_FILE_NAME);
  }

  /** Scans "Keys.java" as it is now: one KA102 violation per line in {@code weakLines}. */
  private List<Finding> scan(String source, Baseline baseline, int... weakLines) throws Exception {
    Path file = root.resolve(PATH);
    Files.createDirectories(file.getParent());
    Files.writeString(file, source);
    List<Violation> violations =
        java.util.Arrays.stream(weakLines)
            .mapToObj(line -> violation("KA102", Severity.ERROR, PATH, line))
            .toList();
    return new FindingFactory(new SourceFiles(root), List.of(), baseline).findings(violations);
  }

  private Baseline acceptCurrent(List<Finding> findings) throws Exception {
    Baseline.write(result(root, findings), baselineFile);
    return Baseline.read(baselineFile);
  }

  private static List<Boolean> baselined(List<Finding> findings) {
    return findings.stream().map(Finding::baselined).toList();
  }

  @Test
  void survivesLinesInsertedAbove() throws Exception {
    Baseline baseline = acceptCurrent(scan("class Keys {\n" + WEAK + "\n}\n", Baseline.empty(), 2));

    List<Finding> later =
        scan("// licence\n\nclass Keys {\n  int x;\n" + WEAK + "\n}\n", baseline, 5);

    assertThat(baselined(later)).containsExactly(true);
    assertThat(later.get(0).active()).isFalse();
  }

  @Test
  void survivesReindentation() throws Exception {
    Baseline baseline = acceptCurrent(scan("class Keys {\n" + WEAK + "\n}\n", Baseline.empty(), 2));

    assertThat(baselined(scan("class Keys {\n\t\tkpg.initialize( 1024 );\n}\n", baseline, 2)))
        .containsExactly(true);
  }

  @Test
  void doesNotAcceptASecondCopyOfAnAcceptedLine() throws Exception {
    Baseline baseline = acceptCurrent(scan("class Keys {\n" + WEAK + "\n}\n", Baseline.empty(), 2));

    List<Finding> later = scan("class Keys {\n" + WEAK + "\n" + WEAK + "\n}\n", baseline, 2, 3);

    assertThat(baselined(later)).containsExactly(true, false);
  }

  @Test
  void countsIdenticalLinesThatWereAccepted() throws Exception {
    Baseline baseline =
        acceptCurrent(
            scan("class Keys {\n" + WEAK + "\n" + WEAK + "\n}\n", Baseline.empty(), 2, 3));

    assertThat(baseline.entries()).hasSize(2);
    assertThat(baselined(scan("class Keys {\n\n" + WEAK + "\n" + WEAK + "\n}\n", baseline, 3, 4)))
        .containsExactly(true, true);
  }

  @Test
  void doesNotAcceptANewFindingOfTheSameRuleElsewhereInTheFile() throws Exception {
    Baseline baseline = acceptCurrent(scan("class Keys {\n" + WEAK + "\n}\n", Baseline.empty(), 2));

    List<Finding> later =
        scan("class Keys {\n" + WEAK + "\n    other.initialize(512);\n}\n", baseline, 2, 3);

    assertThat(baselined(later)).containsExactly(true, false);
  }

  @Test
  void stopsAcceptingWhenTheLineChanges() throws Exception {
    Baseline baseline = acceptCurrent(scan("class Keys {\n" + WEAK + "\n}\n", Baseline.empty(), 2));

    assertThat(baselined(scan("class Keys {\n    kpg.initialize(1023);\n}\n", baseline, 2)))
        .containsExactly(false);
  }

  @Test
  void doesNotAcceptAnotherRuleOnTheSameLine() throws Exception {
    Baseline baseline = acceptCurrent(scan("class Keys {\n" + WEAK + "\n}\n", Baseline.empty(), 2));
    Violation other = violation("KA101", Severity.ERROR, PATH, 2);

    List<Finding> later =
        new FindingFactory(new SourceFiles(root), List.of(), baseline).findings(List.of(other));

    assertThat(baselined(later)).containsExactly(false);
  }

  @Test
  void unreadableFilesMatchOnTheMessage() throws Exception {
    String entry = "lib/app.jar!/com/acme/Keys.class";
    Violation v = violation("KA102", Severity.ERROR, entry, 12, "RSA key pair of 1024 bits.");
    FindingFactory first = new FindingFactory(new SourceFiles(root), List.of(), Baseline.empty());
    Baseline baseline = acceptCurrent(first.findings(List.of(v)));

    assertThat(baseline.entries()).singleElement().extracting(Baseline.Entry::lineHash).isNull();
    Violation moved = violation("KA102", Severity.ERROR, entry, 40, "RSA key pair of 1024 bits.");
    Violation changed = violation("KA102", Severity.ERROR, entry, 12, "RSA key pair of 512 bits.");
    List<Finding> later =
        new FindingFactory(new SourceFiles(root), List.of(), baseline)
            .findings(List.of(moved, changed));
    assertThat(later)
        .extracting(f -> f.location().startLine(), Finding::baselined)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(12, false),
            org.assertj.core.groups.Tuple.tuple(40, true));
  }

  @Test
  void waivedFindingsAreNotWrittenAndUseUpNoEntry() throws Exception {
    Path file = root.resolve(PATH);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "class Keys {\n" + WEAK + "\n" + WEAK + "\n}\n");
    Suppression waiver = new Suppression(PATH, 2, 2, Set.of("*"), "comment", "test fixture");
    List<Violation> both =
        List.of(
            violation("KA102", Severity.ERROR, PATH, 2),
            violation("KA102", Severity.ERROR, PATH, 3));
    List<Finding> first =
        new FindingFactory(new SourceFiles(root), List.of(waiver), Baseline.empty()).findings(both);
    Baseline baseline = acceptCurrent(first);
    assertThat(baseline.entries()).hasSize(1);

    List<Finding> later =
        new FindingFactory(new SourceFiles(root), List.of(waiver), baseline).findings(both);

    assertThat(later)
        .extracting(f -> f.suppression() != null, Finding::baselined)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(true, false),
            org.assertj.core.groups.Tuple.tuple(false, true));
  }

  @Test
  void fileHoldsNoSourceTextAndNoSecret() throws Exception {
    String line = "    byte[] key = \"" + SECRET + "\".getBytes();";
    Path file = root.resolve(PATH);
    Files.createDirectories(file.getParent());
    Files.writeString(file, "class Keys {\n" + line + "\n}\n");
    Violation v =
        violation(
            "KA301",
            Severity.ERROR,
            PATH,
            2,
            "SecretKeySpec built from a literal \"s3cr…\" (30 bytes).");
    List<Finding> findings =
        new FindingFactory(new SourceFiles(root), List.of(), Baseline.empty()).findings(List.of(v));

    Baseline.write(result(root, findings), baselineFile);

    String written = Files.readString(baselineFile);
    assertThat(written)
        .doesNotContain(SECRET)
        .doesNotContain("getBytes")
        .contains("\"format\" : \"keyaudit-baseline\"")
        .contains("\"version\" : 1")
        .contains("\"ruleId\" : \"KA301\"")
        .contains("\"path\" : \"" + PATH + "\"")
        .containsPattern("\"lineHash\" : \"[0-9a-f]{32}\"");
    Baseline read = Baseline.read(baselineFile);
    assertThat(read.policyId()).isEqualTo(TestFindings.POLICY);
    assertThat(read.entries())
        .containsExactly(
            new Baseline.Entry("KA301", PATH, Baseline.lineHash(PATH, line), v.message()));
  }

  @Test
  void writingTwiceGivesTheSameBytes() throws Exception {
    List<Finding> findings =
        scan("class Keys {\n" + WEAK + "\n" + WEAK + "\n}\n", Baseline.empty(), 3, 2);
    Baseline.write(result(root, findings), baselineFile);
    String first = Files.readString(baselineFile);
    Baseline.write(result(root, List.of(findings.get(1), findings.get(0))), baselineFile);

    assertThat(Files.readString(baselineFile)).isEqualTo(first);
  }

  @Test
  void corruptFileIsRejectedWithItsName() throws Exception {
    Files.writeString(baselineFile, "{\"format\": \"keyaudit-baseline\", \"version\": 1, ");

    assertThatThrownBy(() -> Baseline.read(baselineFile))
        .isInstanceOf(InvalidBaselineException.class)
        .hasMessageContaining(baselineFile.toString())
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void otherJsonIsRejected() throws Exception {
    Files.writeString(baselineFile, "{\"version\": \"2.1.0\", \"runs\": []}");

    assertThatThrownBy(() -> Baseline.read(baselineFile))
        .isInstanceOf(InvalidBaselineException.class)
        .hasMessageContaining("is not a KeyAudit baseline");
  }

  @Test
  void unknownVersionIsRejected() throws Exception {
    Files.writeString(
        baselineFile, "{\"format\": \"keyaudit-baseline\", \"version\": 2, \"findings\": []}");

    assertThatThrownBy(() -> Baseline.read(baselineFile))
        .isInstanceOf(InvalidBaselineException.class)
        .hasMessageContaining("format version 2")
        .hasMessageContaining("reads version 1");
  }

  @Test
  void entryWithoutRuleIsRejected() throws Exception {
    Files.writeString(
        baselineFile,
        "{\"format\": \"keyaudit-baseline\", \"version\": 1, \"findings\": [{\"path\": \"A.java\","
            + " \"message\": \"m\"}]}");

    assertThatThrownBy(() -> Baseline.read(baselineFile))
        .isInstanceOf(InvalidBaselineException.class)
        .hasMessageContaining("finding 1 has no text field \"ruleId\"");
  }

  @Test
  void missingFileIsNotCreated() {
    assertThatThrownBy(() -> Baseline.read(baselineFile)).isInstanceOf(NoSuchFileException.class);
    assertThat(baselineFile).doesNotExist();
  }
}
