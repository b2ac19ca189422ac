package dev.keyaudit.scanner.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.ObservedKeyGeneration;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a KeyAudit agent event log back as facts, so observed key generations go through the same
 * policy evaluator and report writers as the static frontends ("running JVM → events → same policy,
 * same reports"). Successful application {@code key-generation} lines become a {@link
 * KeyGeneration} or {@link KeyPairGeneration} located at the calling line, plus an {@link
 * ObservedKeyGeneration}; TLS/derivation summaries and refused generations are not key facts.
 * Verify the log with {@link EventLogVerifier} first: this reader trusts what it reads.
 */
public final class EventLogFacts {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Facts of every observed key generation in {@code file}, in log order. */
  public List<Fact> read(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.getFileName().toString());
    }
  }

  /** Facts from a log read line by line; {@code name} only appears in trace messages. */
  public List<Fact> read(BufferedReader in, String name) throws IOException {
    List<Fact> facts = new ArrayList<>();
    String line;
    int lineNo = 0;
    while ((line = in.readLine()) != null) {
      lineNo++;
      if (line.isBlank()) {
        continue;
      }
      JsonNode e = JSON.readTree(line);
      if (!"key-generation".equals(text(e, "event.action"))
          || !"success".equals(text(e, "event.outcome"))
          || !"application".equals(text(e, "crypto.purpose"))
          || text(e, "crypto.algorithm") == null) {
        continue;
      }
      facts.addAll(toFacts(e, name + ":" + lineNo));
    }
    return facts;
  }

  private static List<Fact> toFacts(JsonNode e, String logLine) {
    Location at = location(e);
    TraceStep observed =
        new TraceStep(at, "observed at run time by the KeyAudit agent (" + logLine + ")");
    String algorithm = text(e, "crypto.algorithm");
    int size = e.path("crypto.key.size").asInt(0);
    boolean explicit = e.path("crypto.key.size_explicit").asBoolean(false);
    Value<Integer> keySize =
        size <= 0
            ? Value.unknown("the key did not tell its size")
            : explicit
                ? Value.known(size, observed)
                : Value.providerDefault(size, "no init call: provider default, observed");
    String curveName =
        text(e, "crypto.key.curve") != null
            ? text(e, "crypto.key.curve")
            : text(e, "crypto.key.parameter_set");
    RngSpec rng = rng(e, observed);
    List<Fact> out = new ArrayList<>(2);
    if ("key-pair".equals(text(e, "crypto.key.type"))) {
      Value<String> curve =
          curveName == null
              ? null
              : explicit
                  ? Value.known(curveName, observed)
                  : Value.providerDefault(curveName, "no init call: provider default, observed");
      out.add(new KeyPairGeneration(at, Value.known(algorithm, observed), keySize, curve, rng));
    } else {
      out.add(new KeyGeneration(at, Value.known(algorithm, observed), keySize, rng));
    }
    List<String> shared = new ArrayList<>();
    e.path("keyaudit.shared_with").forEach(n -> shared.add(n.asText()));
    out.add(
        new ObservedKeyGeneration(
            at,
            algorithm,
            namespace(e),
            List.of(),
            text(e, "organization.id"),
            text(e, "deployment.environment.name"),
            shared));
    return out;
  }

  private static RngSpec rng(JsonNode e, TraceStep observed) {
    if (!e.path("crypto.rng.explicit").asBoolean(false)) {
      return RngSpec.notSpecified();
    }
    String alg = text(e, "crypto.rng.algorithm");
    if (alg == null) {
      return new RngSpec(
          true,
          Value.unknown("no SecureRandom was drawn from during generation"),
          Value.unknown("not observed"),
          Value.unknown("not observed"));
    }
    boolean drbg = text(e, "crypto.rng.mechanism") != null;
    int strength = e.path("crypto.rng.strength").asInt(0);
    String capability = text(e, "crypto.rng.capability");
    return new RngSpec(
        true,
        Value.known(alg, observed),
        drbg && strength > 0 ? Value.known(strength, observed) : Value.unknown("not a DRBG"),
        drbg && capability != null
            ? Value.known(capability.toUpperCase(Locale.ROOT), observed)
            : Value.unknown("not a DRBG"));
  }

  /**
   * {@code code.function.name} {@code com.acme.Keys.create} + {@code Keys.java:12} → {@code
   * com/acme/Keys.java:12}.
   */
  static Location location(JsonNode e) {
    String cls = namespace(e);
    if (cls == null) {
      return Location.file("(unknown caller)");
    }
    int dot = cls.lastIndexOf('.');
    String pkg = dot < 0 ? "" : cls.substring(0, dot);
    String file = text(e, "code.file.path");
    if (file == null) {
      file = cls.substring(dot + 1) + ".java";
    }
    String path = pkg.isEmpty() ? file : pkg.replace('.', '/') + "/" + file;
    int line = e.path("code.line.number").asInt(0);
    return line > 0 ? Location.line(path, line) : Location.file(path);
  }

  /**
   * The calling class: {@code code.namespace}, else {@code code.function.name} minus the method.
   */
  private static String namespace(JsonNode e) {
    String ns = text(e, "code.namespace");
    if (ns != null) {
      return ns;
    }
    String fn = text(e, "code.function.name");
    return fn == null || fn.lastIndexOf('.') < 0 ? null : fn.substring(0, fn.lastIndexOf('.'));
  }

  private static String text(JsonNode e, String field) {
    JsonNode n = e.get(field);
    return n == null || n.isNull() ? null : n.asText();
  }
}
