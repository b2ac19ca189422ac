package dev.keyaudit.scanner.manifest;

import dev.keyaudit.scanner.scan.InputFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The kinds of files the manifest frontend reads, chosen by name. Content decides later when the
 * name lies: a binary file of any kind is probed as a keystore, and every text file also gets the
 * PEM scan.
 */
enum FileKind {
  PROPERTIES,
  SECURITY_OVERRIDE,
  JVM_OPTIONS,
  YAML,
  JSON,
  TERRAFORM,
  TERRAFORM_JSON,
  DOCKERFILE,
  SHELL,
  MAKEFILE,
  MAVEN_XML,
  /** PEM, JWK or key files: only the key scans apply. */
  KEY_FILE,
  /** Binary key containers: JKS, JCEKS, PKCS#12. */
  KEYSTORE;

  /** Extensions of files that are sometimes keys under another name ({@code server.key.bak}). */
  private static final Set<String> SNIFFED =
      Set.of("", "bak", "old", "orig", "txt", "bin", "cfg", "conf", "dat", "secret", "backup");

  /**
   * The kind by name, else by the first bytes for files whose name says nothing: a keystore's magic
   * number or a PEM header.
   */
  static Optional<FileKind> detect(InputFile file) {
    Optional<FileKind> byName = of(file.relativePath());
    if (byName.isPresent()) {
      return byName;
    }
    String name = file.relativePath().substring(file.relativePath().lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    String ext = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    if (!SNIFFED.contains(ext)) {
      return Optional.empty();
    }
    byte[] head = new byte[64];
    int n;
    try (InputStream in = Files.newInputStream(file.path())) {
      n = in.readNBytes(head, 0, head.length);
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
    byte[] bytes = Arrays.copyOf(head, n);
    boolean pfxHead = // SEQUENCE (long length), then INTEGER 3: a PKCS#12 PFX
        n >= 7
            && bytes[0] == 0x30
            && bytes[1] == (byte) 0x82
            && bytes[4] == 0x02
            && bytes[5] == 0x01
            && bytes[6] == 0x03;
    if (KeystoreProber.type(bytes).isPresent() || pfxHead) {
      return Optional.of(KEYSTORE);
    }
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    return text.contains("-----BEGIN ") || text.startsWith("openssh-key-v1")
        ? Optional.of(KEY_FILE)
        : Optional.empty();
  }

  static Optional<FileKind> of(String relativePath) {
    String name = relativePath.substring(relativePath.lastIndexOf('/') + 1);
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.equals("java.security") || lower.endsWith(".security")) {
      return Optional.of(SECURITY_OVERRIDE);
    }
    if (lower.endsWith(".properties")) {
      return Optional.of(PROPERTIES);
    }
    if (lower.equals("jvm.config") || lower.endsWith(".vmoptions") || lower.equals("jvm.options")) {
      return Optional.of(JVM_OPTIONS);
    }
    if (lower.endsWith(".yml") || lower.endsWith(".yaml")) {
      return Optional.of(YAML);
    }
    if (lower.endsWith(".tf.json")) {
      return Optional.of(TERRAFORM_JSON);
    }
    if (lower.endsWith(".json")
        || lower.endsWith(".tfstate")
        || lower.endsWith(".tfstate.backup")
        || lower.endsWith(".jwk")
        || lower.endsWith(".jwks")) {
      return Optional.of(JSON);
    }
    if (lower.endsWith(".tf") || lower.endsWith(".tfvars") || lower.endsWith(".hcl")) {
      return Optional.of(TERRAFORM);
    }
    if (lower.equals("dockerfile")
        || lower.startsWith("dockerfile.")
        || lower.endsWith(".dockerfile")
        || lower.equals("containerfile")) {
      return Optional.of(DOCKERFILE);
    }
    if (lower.equals(".env")
        || lower.endsWith(".env")
        || lower.startsWith(".env.")
        || lower.equals(".envrc")
        || lower.endsWith(".sh")
        || lower.endsWith(".bash")
        || lower.equals("jenkinsfile")) {
      return Optional.of(SHELL);
    }
    if (lower.equals("makefile") || lower.equals("gnumakefile") || lower.endsWith(".mk")) {
      return Optional.of(MAKEFILE);
    }
    if (lower.equals("pom.xml") || lower.equals("settings.xml")) {
      return Optional.of(MAVEN_XML);
    }
    if (lower.endsWith(".pem")
        || lower.endsWith(".key")
        || lower.endsWith(".asc")
        || lower.endsWith(".der")
        || lower.endsWith(".crt")
        || lower.endsWith(".cer")
        || lower.endsWith(".ppk")
        || lower.startsWith("id_rsa")
        || lower.startsWith("id_dsa")
        || lower.startsWith("id_ecdsa")
        || lower.startsWith("id_ed25519")) {
      return Optional.of(KEY_FILE);
    }
    if (lower.endsWith(".jks")
        || lower.endsWith(".jceks")
        || lower.endsWith(".p12")
        || lower.endsWith(".pfx")
        || lower.endsWith(".keystore")
        || lower.endsWith(".truststore")) {
      return Optional.of(KEYSTORE);
    }
    return Optional.empty();
  }
}
