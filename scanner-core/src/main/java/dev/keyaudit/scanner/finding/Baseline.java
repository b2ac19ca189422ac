package dev.keyaudit.scanner.finding;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.scanner.scan.ScanResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The findings a project has accepted for now ({@code keyaudit-baseline.json}), so that a scan
 * fails only on new ones. Written by {@code --update-baseline} ({@link #write}), read by {@code
 * --baseline} ({@link #read}), applied to a scan's findings ({@link #apply}).
 *
 * <p>Each entry records the rule, the file, a hash of the finding's code line and the (already
 * masked) message — never the line itself, never a secret. A finding matches an entry with the same
 * rule, file and line hash wherever the line now is, so lines inserted above do not matter; a
 * changed line no longer matches. Entries are counted: two accepted findings on identical lines
 * accept two, and a third copy is new. When the file cannot be read (an archive entry), the message
 * stands in for the line hash.
 *
 * <p>Format version {@value #FORMAT_VERSION}:
 *
 * <pre>{@code
 * {"format": "keyaudit-baseline", "version": 1, "policy": "nist-800-131a",
 *  "findings": [{"ruleId": "KA102", "path": "src/main/java/A.java",
 *                "lineHash": "3f0c…", "message": "RSA key pair of 1024 bits …"}]}
 * }</pre>
 */
public final class Baseline {

  public static final String DEFAULT_FILE_NAME = "keyaudit-baseline.json";
  public static final int FORMAT_VERSION = 1;
  private static final String FORMAT = "keyaudit-baseline";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /**
   * One accepted finding.
   *
   * @param lineHash {@link #lineHash} of the finding's line, or null when the file was not readable
   * @param message the violation message, masked by the policy evaluator
   */
  public record Entry(String ruleId, String path, String lineHash, String message) {
    public Entry {
      Objects.requireNonNull(ruleId, "ruleId");
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(message, "message");
    }

    /** What a finding must share with this entry to match it. */
    String key() {
      return ruleId + '\0' + path + '\0' + (lineHash != null ? "L" + lineHash : "M" + message);
    }
  }

  private final String policyId;
  private final List<Entry> entries;

  public Baseline(String policyId, List<Entry> entries) {
    this.policyId = policyId;
    this.entries = List.copyOf(entries);
  }

  /** Accepts nothing: the baseline when none is given. */
  public static Baseline empty() {
    return new Baseline("", List.of());
  }

  /** The policy of the scan the baseline was written from (informative; matching ignores it). */
  public String policyId() {
    return policyId;
  }

  public List<Entry> entries() {
    return entries;
  }

  /**
   * Reads a baseline file.
   *
   * @throws NoSuchFileException when it does not exist ({@code --baseline} never creates one)
   * @throws InvalidBaselineException when it is not a baseline this version can read
   */
  public static Baseline read(Path file) throws IOException {
    JsonNode root;
    try {
      root = JSON.readTree(Files.readAllBytes(file));
    } catch (JacksonException e) {
      throw new InvalidBaselineException(
          file + " is not a KeyAudit baseline: not valid JSON (" + e.getOriginalMessage() + ")", e);
    }
    if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())) {
      throw new InvalidBaselineException(
          file + " is not a KeyAudit baseline: it has no \"format\": \"" + FORMAT + "\"");
    }
    JsonNode version = root.path("version");
    if (!version.isInt() || version.intValue() != FORMAT_VERSION) {
      throw new InvalidBaselineException(
          file
              + " has baseline format version "
              + (version.isMissingNode() ? "(none)" : version.toString())
              + "; this KeyAudit reads version "
              + FORMAT_VERSION
              + ". Regenerate it with --update-baseline.");
    }
    JsonNode findings = root.path("findings");
    if (!findings.isArray()) {
      throw new InvalidBaselineException(file + ": \"findings\" must be an array");
    }
    List<Entry> entries = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      JsonNode node = findings.get(i);
      entries.add(
          new Entry(
              requiredText(file, i, node, "ruleId"),
              requiredText(file, i, node, "path"),
              node.path("lineHash").isTextual() ? node.get("lineHash").asText() : null,
              requiredText(file, i, node, "message")));
    }
    return new Baseline(root.path("policy").asText(""), entries);
  }

  private static String requiredText(Path file, int index, JsonNode entry, String field)
      throws InvalidBaselineException {
    JsonNode value = entry.path(field);
    if (!value.isTextual()) {
      throw new InvalidBaselineException(
          file + ": finding " + (index + 1) + " has no text field \"" + field + "\"");
    }
    return value.asText();
  }

  /**
   * The baseline that accepts every finding of {@code result} not already waived in source. Line
   * hashes are computed from the files under {@code sources.root()}.
   */
  public static Baseline of(ScanResult result, SourceFiles sources) {
    List<Entry> entries = new ArrayList<>();
    for (Finding finding : result.findings()) {
      if (finding.suppression() == null) {
        entries.add(entryFor(finding, sources));
      }
    }
    entries.sort(
        Comparator.comparing(Entry::path)
            .thenComparing(Entry::ruleId)
            .thenComparing(e -> Objects.toString(e.lineHash(), ""))
            .thenComparing(Entry::message));
    return new Baseline(result.policyId(), entries);
  }

  /** Writes the baseline of {@code result} (see {@link #of}) to {@code file}, replacing it. */
  public static void write(ScanResult result, Path file) throws IOException {
    of(result, new SourceFiles(result.root())).writeTo(file);
  }

  public void writeTo(Path file) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("version", FORMAT_VERSION);
    root.put("policy", policyId);
    ArrayNode findings = root.putArray("findings");
    for (Entry entry : entries) {
      ObjectNode node = findings.addObject();
      node.put("ruleId", entry.ruleId());
      node.put("path", entry.path());
      if (entry.lineHash() != null) {
        node.put("lineHash", entry.lineHash());
      }
      node.put("message", entry.message());
    }
    // Serialise first so that a failure cannot leave half a baseline behind.
    byte[] bytes = (JSON.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.write(file, bytes);
  }

  /**
   * Marks the findings this baseline accepts. Returns {@code findings} in the same order, with
   * {@link Finding#baselined()} set on the accepted ones. Findings waived in source never use up an
   * entry. When several findings match fewer entries, the first ones by line are accepted.
   */
  public List<Finding> apply(List<Finding> findings, SourceFiles sources) {
    Map<String, Integer> remaining = new HashMap<>();
    entries.forEach(entry -> remaining.merge(entry.key(), 1, Integer::sum));

    List<Integer> byLine = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      byLine.add(i);
    }
    byLine.sort(
        Comparator.comparing((Integer i) -> findings.get(i).location().path())
            .thenComparingInt(i -> findings.get(i).location().startLine())
            .thenComparingInt(i -> findings.get(i).location().startColumn()));

    List<Finding> result = new ArrayList<>(findings);
    for (int i : byLine) {
      Finding finding = findings.get(i);
      if (finding.suppression() != null || remaining.isEmpty()) {
        continue;
      }
      String key = entryFor(finding, sources).key();
      Integer left = remaining.get(key);
      if (left != null) {
        if (left == 1) {
          remaining.remove(key);
        } else {
          remaining.put(key, left - 1);
        }
        result.set(i, withBaselined(finding));
      }
    }
    return List.copyOf(result);
  }

  private static Finding withBaselined(Finding f) {
    return new Finding(
        f.violation(),
        f.severity(),
        f.scope(),
        f.fingerprint(),
        f.suppression(),
        true,
        f.dependency());
  }

  private static Entry entryFor(Finding finding, SourceFiles sources) {
    String path = finding.location().path();
    String lineHash =
        sources
            .line(path, finding.location().startLine())
            .map(line -> lineHash(path, line))
            .orElse(null);
    return new Entry(finding.ruleId(), path, lineHash, finding.violation().message());
  }

  /**
   * SHA-512 of the path and the line without spaces and tabs, first 128 bits in hex: survives
   * re-indentation, and does not reveal the line (the path is mixed in so that a short line cannot
   * be looked up in a table of common lines).
   */
  static String lineHash(String path, String line) {
    String normalized = line.replace(" ", "").replace("\t", "");
    try {
      // SHA-512 rather than SHA-256 so that KeyAudit scans clean under its strictest policy.
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      byte[] digest = sha512.digest((path + "\n" + normalized).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-512", e);
    }
  }
}
