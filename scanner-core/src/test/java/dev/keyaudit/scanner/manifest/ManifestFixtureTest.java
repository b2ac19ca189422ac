package dev.keyaudit.scanner.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the manifest frontend over every fixture under {@code fixtures/manifests/} and compares, in
 * both directions, what it reports with the inline markers of each file:
 *
 * <ul>
 *   <li>{@code expect: KAnnn} (in a {@code #}, {@code //} or {@code <!-- -->} comment): a violation
 *       of that rule on that line, as the policy evaluator judges the frontend's facts with the
 *       default policy (generation commands give KA1xx findings, manifests KA4xx);
 *   <li>{@code ok: KAnnn}: that rule is not reported on that line (a documented negative);
 *   <li>{@code gen: ALG/SIZE/CURVE}: a key generation fact on that line ({@code -} for a value the
 *       fact does not know), so the frontend's reading of a command is tested on its own;
 *   <li>JSON and binary files list {@code line rule} pairs in a side-car {@code name.expect}.
 * </ul>
 *
 * <p>Each folder is scanned as one repository (so keystores open with passwords from its
 * configuration). Every finding is also checked not to contain any value written in the fixture.
 */
class ManifestFixtureTest {

  private static final Pattern EXPECT =
      Pattern.compile("expect:\\s*(KA\\d{3}(?:\\s*,\\s*KA\\d{3})*)");
  private static final Pattern OK = Pattern.compile("ok:\\s*(KA\\d{3}(?:\\s*,\\s*KA\\d{3})*)");
  private static final Pattern GEN =
      Pattern.compile("gen:\\s*([A-Za-z0-9\\-]+/[0-9\\-?]+/[A-Za-z0-9\\-]+)");
  private static final Pattern POLICY_MARKER =
      Pattern.compile("keyaudit-policy:\\s*([a-z0-9.\\-]+)");
  private static final String POLICY = "nist-800-131a";

  @TestFactory
  Stream<DynamicTest> fixtures() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/fixtures/manifests").toURI());
    List<Path> dirs;
    try (Stream<Path> s = Files.walk(root)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Path dir : dirs) {
      List<Path> files;
      try (Stream<Path> s = Files.list(dir)) {
        files = s.filter(Files::isRegularFile).filter(p -> !isSideCar(p)).sorted().toList();
      }
      if (files.isEmpty()) {
        continue;
      }
      Scan scan = scan(root, files);
      for (Path file : files) {
        String rel = rel(root, file);
        tests.add(DynamicTest.dynamicTest(rel, () -> check(file, rel, scan)));
      }
    }
    return tests.stream();
  }

  /**
   * Every KA4xx rule of the catalog is expected somewhere in the fixtures ({@code expect:}) and
   * documented as not reported somewhere else ({@code ok:}); the both-ways comparison makes an
   * {@code ok:} line fail when the rule is reported there.
   */
  @org.junit.jupiter.api.Test
  void everyManifestRuleHasAPositiveAndANegativeFixture() throws IOException, URISyntaxException {
    Path root = Path.of(getClass().getResource("/fixtures/manifests").toURI());
    Set<String> expectedSomewhere = new HashSet<>();
    Set<String> okSomewhere = new HashSet<>();
    try (Stream<Path> s = Files.walk(root)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        Map<Integer, List<String>> expected = new TreeMap<>();
        readMarkers(p, expected, new TreeMap<>());
        expected.values().forEach(expectedSomewhere::addAll);
        if (!isSideCar(p) && !Files.exists(p.resolveSibling(p.getFileName() + ".expect"))) {
          for (String line : textLines(p)) {
            Matcher ok = OK.matcher(line);
            if (ok.find()) {
              okSomewhere.addAll(List.of(ok.group(1).split("\\s*,\\s*")));
            }
          }
        }
      }
    }
    List<String> manifestRules =
        dev.keyaudit.rules.catalog.RuleCatalog.indexedIds().stream()
            .filter(id -> id.startsWith("KA4"))
            .toList();
    assertThat(manifestRules).isNotEmpty();
    assertThat(expectedSomewhere).as("rules with an expect: marker").containsAll(manifestRules);
    assertThat(okSomewhere).as("rules with an ok: marker").containsAll(manifestRules);
  }

  private record Scan(List<Fact> facts, RecordingSink sink) {}

  private static Scan scan(Path root, List<Path> files) {
    ManifestFrontend frontend = new ManifestFrontend();
    List<InputFile> inputs =
        files.stream().map(p -> new InputFile(p, rel(root, p))).filter(frontend::accepts).toList();
    RecordingSink sink = new RecordingSink();
    frontend.analyze(inputs, new ScanContext(17, 1), sink);
    return new Scan(sink.facts, sink);
  }

  private static void check(Path file, String rel, Scan scan) throws IOException {
    Map<Integer, List<String>> expected = new TreeMap<>();
    Map<Integer, List<String>> expectedGen = new TreeMap<>();
    readMarkers(file, expected, expectedGen);

    PolicyEvaluator evaluator = new PolicyEvaluator(Policies.load(policyOf(file)));
    List<Violation> violations = new ArrayList<>();
    for (Fact fact : scan.facts()) {
      violations.addAll(evaluator.evaluate(fact).violations());
    }
    Map<Integer, List<String>> actual = new TreeMap<>();
    for (Violation v : violations) {
      if (v.location().path().equals(rel)) {
        actual.computeIfAbsent(v.location().startLine(), k -> new ArrayList<>()).add(v.ruleId());
      }
    }
    Map<Integer, List<String>> actualGen = new TreeMap<>();
    for (Fact f : scan.facts()) {
      if (f.location().path().equals(rel)) {
        generation(f)
            .ifPresent(
                g ->
                    actualGen
                        .computeIfAbsent(f.location().startLine(), k -> new ArrayList<>())
                        .add(g));
      }
    }
    sortValues(expected);
    sortValues(actual);
    sortValues(expectedGen);
    sortValues(actualGen);
    assertThat(actual).as("findings (line -> rules) in %s", rel).isEqualTo(expected);
    List<String> lines =
        Files.exists(file.resolveSibling(file.getFileName() + ".expect"))
            ? List.of()
            : textLines(file);
    for (int i = 0; i < lines.size(); i++) {
      Matcher ok = OK.matcher(lines.get(i));
      if (ok.find()) {
        assertThat(actual.getOrDefault(i + 1, List.of()))
            .as("%s:%d is marked ok", rel, i + 1)
            .doesNotContainAnyElementsOf(List.of(ok.group(1).split("\\s*,\\s*")));
      }
    }
    assertThat(actualGen)
        .as("generation facts (line -> ALG/SIZE/CURVE) in %s", rel)
        .isEqualTo(expectedGen);
    assertNoSecretPrinted(file, rel, violations);
  }

  /** {@code keyaudit-policy: <id>} anywhere in a text fixture selects the policy. */
  private static String policyOf(Path file) throws IOException {
    if (Files.exists(file.resolveSibling(file.getFileName() + ".expect"))) {
      return POLICY;
    }
    for (String line : textLines(file)) {
      Matcher m = POLICY_MARKER.matcher(line);
      if (m.find()) {
        return m.group(1);
      }
    }
    return POLICY;
  }

  private static void readMarkers(
      Path file, Map<Integer, List<String>> expected, Map<Integer, List<String>> gen)
      throws IOException {
    Path sideCar = file.resolveSibling(file.getFileName() + ".expect");
    if (Files.exists(sideCar)) {
      for (String line : Files.readAllLines(sideCar)) {
        String[] parts = line.strip().split("\\s+", 2);
        if (parts.length == 2 && !line.startsWith("#")) {
          Map<Integer, List<String>> target = parts[1].startsWith("gen:") ? gen : expected;
          String value = parts[1].startsWith("gen:") ? parts[1].substring(4).strip() : parts[1];
          target.computeIfAbsent(Integer.parseInt(parts[0]), k -> new ArrayList<>()).add(value);
        }
      }
      return;
    }
    List<String> lines = textLines(file);
    for (int i = 0; i < lines.size(); i++) {
      Matcher e = EXPECT.matcher(lines.get(i));
      if (e.find()) {
        for (String id : e.group(1).split("\\s*,\\s*")) {
          expected.computeIfAbsent(i + 1, k -> new ArrayList<>()).add(id);
        }
      }
      Matcher g = GEN.matcher(lines.get(i));
      while (g.find()) {
        gen.computeIfAbsent(i + 1, k -> new ArrayList<>()).add(g.group(1));
      }
    }
  }

  private static java.util.Optional<String> generation(Fact f) {
    if (f instanceof KeyPairGeneration k) {
      return java.util.Optional.of(
          first(k.algorithm())
              + "/"
              + first(k.keySize())
              + "/"
              + (k.curve() == null ? "-" : first(k.curve())));
    }
    if (f instanceof KeyGeneration k) {
      return java.util.Optional.of(first(k.algorithm()) + "/" + first(k.keySize()) + "/-");
    }
    return java.util.Optional.empty();
  }

  private static String first(Value<?> v) {
    return v.candidates().isEmpty() ? "-" : String.valueOf(v.candidates().get(0).value());
  }

  /**
   * Values written on the lines that carry a marker, and the body lines of PEM blocks, must never
   * appear in the message or properties of a finding about a secret (names of settings may).
   */
  private static void assertNoSecretPrinted(Path file, String rel, List<Violation> violations)
      throws IOException {
    Path sideCar = file.resolveSibling(file.getFileName() + ".expect");
    if (Files.exists(sideCar)) {
      return; // binary or JSON fixtures: covered by the masked-preview assertions of their facts
    }
    List<String> lines = textLines(file);
    Set<String> tokens = new HashSet<>();
    boolean inPem = false;
    for (String line : lines) {
      if (line.contains("-----BEGIN")) {
        inPem = true;
        continue;
      }
      if (line.contains("-----END")) {
        inPem = false;
      }
      if (inPem || EXPECT.matcher(line).find()) {
        for (String t : line.split("[\\s\"'=:,;<>()\\[\\]{}|]+")) {
          if (t.length() >= 10 && !t.startsWith("KA") && !t.equals("expect")) {
            tokens.add(t);
          }
        }
      }
    }
    for (Violation v : violations) {
      if (!v.location().path().equals(rel) || !v.properties().containsKey("secret")) {
        continue; // only findings about secrets carry one; generation findings name tools
      }
      String names =
          v.properties().getOrDefault("setting", "")
              + " "
              + v.properties().getOrDefault("value", "")
              + " "
              + v.properties().getOrDefault("property", "")
              + " "
              + v.properties().getOrDefault("format", "");
      String shown = v.message() + " " + String.join(" ", v.properties().values());
      for (String t : tokens) {
        if (!names.contains(t)) {
          assertThat(shown)
              .as("finding %s at %s must not print %s", v.ruleId(), v.location(), t)
              .doesNotContain(t);
        }
      }
    }
  }

  private static List<String> textLines(Path file) throws IOException {
    return List.of(
        new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\r\n|\r|\n", -1));
  }

  private static void sortValues(Map<Integer, List<String>> map) {
    map.replaceAll((k, v) -> v.stream().sorted().collect(Collectors.toList()));
  }

  private static boolean isSideCar(Path p) {
    String n = p.getFileName().toString();
    return n.endsWith(".expect") || n.equals("README.md");
  }

  private static String rel(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }
}
