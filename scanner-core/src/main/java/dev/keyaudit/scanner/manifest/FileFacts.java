package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyMaterialInFile;
import dev.keyaudit.rules.facts.RngConfiguration;
import dev.keyaudit.rules.facts.SecretInConfig;
import dev.keyaudit.rules.facts.SecretInConfig.Kind;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.config.Placeholder;
import dev.keyaudit.scanner.scan.FactSink;
import dev.keyaudit.scanner.scan.Notification;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns what the readers of one file saw into facts: settings with secret-like names, PEM blocks,
 * JVM options. Shared by every file kind so that a password is judged the same in a {@code .env}
 * file, a Dockerfile and a Helm values file. Values are reduced to {@link Secret} at once; only
 * keystore password candidates stay in memory, to open keystores of the same scan.
 */
final class FileFacts {

  private final String path;
  private final FactSink sink;
  private final List<String> passwordCandidates;

  FileFacts(String path, FactSink sink, List<String> passwordCandidates) {
    this.path = path;
    this.sink = sink;
    this.passwordCandidates = passwordCandidates;
  }

  String path() {
    return path;
  }

  Location at(int line) {
    return Location.line(path, line);
  }

  void fact(Fact fact) {
    sink.fact(fact);
  }

  void problem(int line, String message) {
    sink.notification(Notification.warning(path, line, message));
  }

  /**
   * A named setting ({@code key: value}, {@code KEY=value}, {@code -storepass value}): reported
   * when the name says it is a secret and the value is a literal (or a placeholder's default). JVM
   * options inside the value are read too.
   */
  void setting(String name, String rawValue, int line) {
    if (rawValue == null) {
      return;
    }
    String value = SecretValues.unquote(rawValue.strip());
    rngProperty(name, value, line);
    if (value.contains("-D") || value.contains("-XX")) {
      JvmOptions.scan(value, line, this);
    }
    Optional<Kind> kind = SecretNames.classify(name);
    if (kind.isEmpty()) {
      return;
    }
    secret(name, value, line, kind.get());
  }

  /** A value already known to be a secret of {@code kind} (e.g. {@code -storepass}). */
  void secret(String name, String rawValue, int line, Kind kind) {
    String value = SecretValues.unquote(rawValue.strip());
    boolean placeholderDefault = false;
    Optional<Placeholder> placeholder = Placeholder.parseWhole(value);
    if (placeholder.isPresent()) {
      if (placeholder.get().defaultValue() == null) {
        return;
      }
      value = SecretValues.unquote(placeholder.get().defaultValue().strip());
      placeholderDefault = true;
    }
    if (!SecretValues.isLiteralSecret(value) || value.contains("-----BEGIN")) {
      return; // PEM values are reported as key material by the PEM scan
    }
    if (SecretValues.isProse(value, kind == Kind.KEY_PASSWORD)) {
      return; // descriptions and messages under secret-like names (schemas, docs)
    }
    if (kind == Kind.CREDENTIAL && SecretValues.isIdentifier(value)) {
      return; // "NextToken", "Result.Marker": names of things, not credentials
    }
    int decoded = SecretValues.decodedLength(value);
    Kind effective = kind;
    String lowerName = name.toLowerCase(Locale.ROOT);
    if (kind == Kind.CREDENTIAL
        && (decoded == 16 || decoded == 24 || decoded == 32)
        && lowerName.contains("key")) {
      effective = Kind.SYMMETRIC_KEY; // the size of an AES key under a key-like name
    }
    if (effective == Kind.KEY_PASSWORD || effective == Kind.CREDENTIAL) {
      synchronized (passwordCandidates) {
        passwordCandidates.add(value);
      }
    }
    Location location = at(line);
    String origin = placeholderDefault ? "default of placeholder for " : "literal value of ";
    sink.fact(
        new SecretInConfig(
            location,
            name,
            effective,
            Secret.ofText(value),
            placeholderDefault,
            SecretValues.entropy(value),
            decoded,
            List.of(new TraceStep(location, origin + name))));
  }

  /** {@code java.security.egd} / {@code securerandom.*} written as a setting. */
  void rngProperty(String name, String value, int line) {
    String n = name.strip();
    if (n.startsWith("-D")) {
      n = n.substring(2);
    }
    if (n.startsWith("systemProp.")) {
      n = n.substring("systemProp.".length()); // gradle.properties
    }
    if (n.equals("java.security.egd")
        || n.equals("securerandom.source")
        || n.equals("securerandom.strongAlgorithms")
        || n.equals("securerandom.drbg.config")) {
      if (Placeholder.parseWhole(value).isPresent() || value.isBlank()) {
        return;
      }
      Location location = at(line);
      sink.fact(
          new RngConfiguration(
              location, n, value.strip(), List.of(new TraceStep(location, n + "=" + value))));
    }
  }

  /** PEM private keys in {@code text}, whose first line is line {@code firstLine} of the file. */
  void pemBlocks(String text, int firstLine, List<TraceStep> before) {
    for (PemScanner.Block block : PemScanner.scan(text)) {
      int line = firstLine + block.line() - 1;
      Location location = at(line);
      List<TraceStep> trace = new ArrayList<>(before);
      trace.add(new TraceStep(location, "PEM block " + block.type()));
      keyMaterial(
          location, "PEM " + block.type(), block.key(), null, Secret.ofText(block.body()), trace);
    }
  }

  void keyMaterial(
      Location location,
      String format,
      ParsedKey key,
      String openedWith,
      Secret material,
      List<TraceStep> trace) {
    Value<String> algorithm =
        "unknown".equals(key.algorithm())
            ? Value.unknown("the key is encrypted")
            : Value.known(key.algorithm(), trace);
    Value<Integer> size =
        key.bits() > 0 ? Value.known(key.bits(), trace) : Value.unknown("size not readable");
    sink.fact(
        new KeyMaterialInFile(
            location, format, algorithm, size, key.encrypted(), openedWith, material, trace));
  }
}
