package dev.keyaudit.maven.it;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keyaudit.scanner.report.SarifSchemaAssert;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Checks the invoker integration tests' {@code verify.groovy} scripts call (the plugin's test
 * classpath is on their classpath): SARIF schema validity, the results of a log, and the {@code //
 * expect: KAnnn} markers of a project, so a script compares findings with markers both ways.
 */
public final class ItChecks {

  private static final Pattern MARKER =
      Pattern.compile("(?://|#|<!--)\\s*expect:\\s*(KA\\d{3}(?:\\s*,\\s*KA\\d{3})*)");
  private static final Pattern MARKED_FILE =
      Pattern.compile(".*\\.(java|ya?ml|properties|xml|sh|tf|json|env)$|(^|.*/)Dockerfile[^/]*$");

  private ItChecks() {}

  /** Reads a SARIF file and fails unless it is valid SARIF 2.1.0; returns the parsed log. */
  public static JsonNode validSarif(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new AssertionError("no SARIF report at " + file);
    }
    return SarifSchemaAssert.assertValid(Files.readString(file, StandardCharsets.UTF_8));
  }

  /**
   * The results of every run as "uri:line:ruleId", sorted; with {@code activeOnly}, results that
   * carry a suppression (waived in source or baselined) are left out.
   */
  public static List<String> results(JsonNode sarif, boolean activeOnly) {
    var results = new TreeSet<String>();
    for (JsonNode run : sarif.path("runs")) {
      for (JsonNode result : run.path("results")) {
        if (activeOnly && result.path("suppressions").size() > 0) {
          continue;
        }
        JsonNode physical = result.path("locations").path(0).path("physicalLocation");
        results.add(
            physical.path("artifactLocation").path("uri").asText()
                + ":"
                + physical.path("region").path("startLine").asInt()
                + ":"
                + result.path("ruleId").asText());
      }
    }
    return List.copyOf(results);
  }

  /** The automationDetails categories of the runs, in order. */
  public static List<String> categories(JsonNode sarif) {
    List<String> categories = new ArrayList<>();
    for (JsonNode run : sarif.path("runs")) {
      String id = run.path("automationDetails").path("id").asText();
      categories.add(id.substring(0, id.lastIndexOf('/') + 1));
    }
    return categories;
  }

  /**
   * The "// expect: KAnnn" markers under {@code dir} as "prefix + relative path:line:ruleId",
   * sorted, in the same shape as {@link #results}.
   */
  public static List<String> expectations(Path dir, String prefix) {
    var expected = new TreeSet<String>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String relative = dir.relativize(file).toString().replace('\\', '/');
        if (relative.startsWith("target/") || !MARKED_FILE.matcher(relative).matches()) {
          continue;
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
          Matcher m = MARKER.matcher(lines.get(i));
          if (m.find()) {
            for (String rule : m.group(1).split("\\s*,\\s*")) {
              expected.add(prefix + relative + ":" + (i + 1) + ":" + rule.trim());
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(expected);
  }

  /** Fails with both differences listed unless {@code actual} equals {@code expected}. */
  public static void assertSameFindings(List<String> expected, List<String> actual) {
    // Multiset difference: two expected KA101 in one file need two findings.
    List<String> missing = new ArrayList<>(expected);
    List<String> unexpected = new ArrayList<>();
    for (String entry : actual) {
      if (!missing.remove(entry)) {
        unexpected.add(entry);
      }
    }
    if (!missing.isEmpty() || !unexpected.isEmpty()) {
      throw new AssertionError(
          "findings differ from the expect markers\n  missing: "
              + missing
              + "\n  unexpected: "
              + unexpected);
    }
  }
}
