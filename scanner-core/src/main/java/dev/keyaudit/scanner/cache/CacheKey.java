package dev.keyaudit.scanner.cache;

import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.scanner.KeyAuditVersion;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.Scanner;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The SHA-512 (rather than SHA-256, so that KeyAudit scans clean under its strictest policy) of
 * everything a scan's result depends on: the tool build (version and the bytes of the scanner and
 * rules jars, so a rebuilt snapshot never reuses an old result), the scan root, the policy (id, or
 * a policy file's content; a user file can only extend built-in policies, which the rules jar's
 * bytes cover), the day the policy is evaluated on, the target JDK, the baseline's content, which
 * jars are dependencies and their mode, and the relative path and content of every input file
 * (dependency jars included). Equal keys mean the scan would give the same result.
 */
final class CacheKey {

  private static final String FORMAT = "keyaudit-scan-cache/1";

  private CacheKey() {}

  static String of(ScanRequest request, Scanner scanner) throws IOException {
    MessageDigest digest = sha512();
    field(digest, FORMAT);
    field(digest, KeyAuditVersion.get());
    field(digest, codeFingerprint(Scanner.class));
    field(digest, codeFingerprint(Policies.class));
    field(digest, request.root().toString());
    field(digest, request.policy());
    Path policyFile = Path.of(request.policy());
    field(digest, Files.isRegularFile(policyFile) ? contentHash(policyFile) : "built-in");
    field(digest, Integer.toString(request.targetJdk()));
    // Policies are evaluated on the day (quantum-transition dates): a result can expire.
    field(digest, LocalDate.now(ZoneOffset.UTC).toString());
    field(digest, request.baseline() == null ? "no baseline" : contentHash(request.baseline()));
    // Which jars are dependencies, and how they count, changes severities but not the inputs.
    field(digest, request.dependencyMode().name());
    for (Path dependency : request.dependencies()) {
      field(digest, dependency.toAbsolutePath().normalize().toString());
    }
    for (InputFile file : scanner.inputs(request)) {
      field(digest, file.relativePath());
      field(digest, contentHash(file.path()));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void field(MessageDigest digest, String value) {
    // Length-prefixed, so that no two different field sequences hash the same bytes.
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
    digest.update((byte) ':');
    digest.update(bytes);
  }

  static String contentHash(Path file) throws IOException {
    MessageDigest digest = sha512();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /** The hash of the jar a class was loaded from; a classes folder (IDE, tests) counts as is. */
  private static String codeFingerprint(Class<?> type) throws IOException {
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "unknown code source";
    }
    try {
      Path location = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(location) ? contentHash(location) : location.toString();
    } catch (URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }

  private static MessageDigest sha512() {
    try {
      return MessageDigest.getInstance("SHA-512");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-512", e);
    }
  }
}
