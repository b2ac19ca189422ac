package dev.keyaudit.scanner.manifest;

import static dev.keyaudit.scanner.config.YamlTree.at;
import static dev.keyaudit.scanner.config.YamlTree.child;
import static dev.keyaudit.scanner.config.YamlTree.entries;
import static dev.keyaudit.scanner.config.YamlTree.items;
import static dev.keyaudit.scanner.config.YamlTree.line;
import static dev.keyaudit.scanner.config.YamlTree.text;

import dev.keyaudit.rules.facts.SecretInConfig.Kind;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Reads YAML documents of any kind a Java service repository holds: Spring configuration, Helm
 * values, Kubernetes manifests (Secrets are base64-decoded and chained into the PEM check,
 * cert-manager {@code Certificate}s give generation facts), Kustomize {@code secretGenerator}s,
 * docker-compose files and CI workflows (whose {@code run:}/{@code script:} steps go to the shell
 * scanner). SealedSecrets, ExternalSecrets and SOPS-encrypted documents are skipped.
 */
final class YamlManifestReader {

  private static final Set<String> PROTECTED_KINDS =
      Set.of("SealedSecret", "ExternalSecret", "ClusterExternalSecret", "SopsSecret");
  private static final Set<String> SHELL_KEYS =
      Set.of(
          "run", "script", "before_script", "after_script", "command", "entrypoint", "args", "cmd");
  private static final int MAX_DEPTH = 64;

  private final FileFacts facts;
  private final ShellScanner shell;
  private int budget = 200_000;

  YamlManifestReader(FileFacts facts, ShellScanner shell) {
    this.facts = facts;
    this.shell = shell;
  }

  void read(List<Node> documents) {
    for (Node doc : documents) {
      String kind = text(doc, "kind").orElse("");
      if (PROTECTED_KINDS.contains(kind) || child(doc, "sops").isPresent()) {
        continue;
      }
      if (kind.equals("Secret")) {
        kubernetesSecret(doc);
        continue;
      }
      if (kind.equals("Certificate")
          && text(doc, "apiVersion").orElse("").startsWith("cert-manager.io")) {
        certificate(doc);
      }
      at(doc, "secretGenerator").ifPresent(this::secretGenerators);
      walk(doc, "", 0, false);
    }
  }

  private void walk(Node node, String path, int depth, boolean shellContext) {
    if (depth > MAX_DEPTH || --budget < 0) {
      return;
    }
    if (node instanceof ScalarNode scalar) {
      scalar(scalar, path, shellContext);
    } else if (node instanceof MappingNode map) {
      Optional<String> envName = text(map, "name");
      Optional<Node> envValue = child(map, "value");
      if (envName.isPresent() && envValue.isPresent() && envValue.get() instanceof ScalarNode v) {
        facts.setting(envName.get(), v.getValue(), line(v)); // container env: name/value pairs
      }
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode key) {
          String k = key.getValue();
          if ((envName.isPresent() && k.equals("value")) || k.equals("secretGenerator")) {
            continue; // read as a pair above, or by secretGenerators()
          }
          String p = path.isEmpty() ? k : path + "." + k;
          walk(t.getValueNode(), p, depth + 1, SHELL_KEYS.contains(k));
        }
      }
    } else if (node instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof ScalarNode s
            && !shellContext
            && s.getValue().matches("[A-Za-z_][A-Za-z0-9_.]*=.*")) {
          String v = s.getValue(); // compose "environment: [KEY=value]"
          facts.setting(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1), line(s));
          continue;
        }
        walk(item, path + "[]", depth + 1, shellContext);
      }
    }
  }

  private void scalar(ScalarNode scalar, String path, boolean shellContext) {
    String value = scalar.getValue();
    if (shellContext) {
      shell.scan(value, contentLine(scalar));
      return;
    }
    if (!path.isEmpty()) {
      facts.setting(path, value, line(scalar));
    }
  }

  /** Block scalars ({@code |}, {@code >}) start their content on the line after the indicator. */
  static int contentLine(ScalarNode scalar) {
    boolean block =
        scalar.getScalarStyle() == ScalarStyle.LITERAL
            || scalar.getScalarStyle() == ScalarStyle.FOLDED;
    return line(scalar) + (block ? 1 : 0);
  }

  private void kubernetesSecret(Node doc) {
    String name = text(doc, "metadata", "name").orElse("?");
    at(doc, "data")
        .ifPresent(
            data -> {
              for (NodeTuple t : entries(data)) {
                if (t.getKeyNode() instanceof ScalarNode key
                    && t.getValueNode() instanceof ScalarNode value) {
                  secretDataValue(name, key.getValue(), value);
                }
              }
            });
    at(doc, "stringData")
        .ifPresent(
            data -> {
              for (NodeTuple t : entries(data)) {
                if (t.getKeyNode() instanceof ScalarNode key
                    && t.getValueNode() instanceof ScalarNode value) {
                  facts.setting(key.getValue(), value.getValue(), line(value));
                }
              }
            });
  }

  private void secretDataValue(String secretName, String key, ScalarNode value) {
    String raw = value.getValue().strip();
    if (!SecretValues.isLiteralSecret(raw)) {
      return;
    }
    byte[] decoded = SecretValues.decodeBase64(raw);
    if (decoded == null || decoded.length == 0) {
      return;
    }
    int line = line(value);
    Location location = facts.at(line);
    String text = new String(decoded, StandardCharsets.UTF_8);
    TraceStep step =
        new TraceStep(location, "base64 value of Secret " + secretName + " data." + key);
    if (text.contains("-----BEGIN")) {
      for (PemScanner.Block block : PemScanner.scan(text)) {
        facts.keyMaterial(
            location,
            "PEM " + block.type() + " in Kubernetes Secret",
            block.key(),
            null,
            Secret.ofText(block.body()),
            List.of(step, new TraceStep(location, "decoded PEM block " + block.type())));
      }
      return;
    }
    Optional<ParsedKey> der =
        decoded.length > 64 ? PrivateKeyParser.parseDer(decoded) : Optional.empty();
    if (der.isPresent()) {
      facts.keyMaterial(
          location,
          "DER private key in Kubernetes Secret",
          der.get(),
          null,
          Secret.ofBytes(decoded),
          List.of(step));
      return;
    }
    Optional<Kind> kind = SecretNames.classify(key);
    if (kind.isPresent()) {
      facts.secret(key, printable(text) ? text : raw, line, kind.get());
    }
  }

  private void secretGenerators(Node generators) {
    for (Node generator : items(generators)) {
      at(generator, "literals")
          .ifPresent(
              literals -> {
                for (Node literal : items(literals)) {
                  text(literal)
                      .filter(l -> l.contains("="))
                      .ifPresent(
                          l ->
                              facts.setting(
                                  l.substring(0, l.indexOf('=')),
                                  l.substring(l.indexOf('=') + 1),
                                  line(literal)));
                }
              });
    }
  }

  private void certificate(Node doc) {
    Optional<Node> privateKey = at(doc, "spec", "privateKey");
    Optional<Node> algNode = privateKey.flatMap(p -> child(p, "algorithm"));
    Optional<Node> sizeNode = privateKey.flatMap(p -> child(p, "size"));
    String alg = algNode.flatMap(n -> text(n)).orElse("RSA");
    Node anchor =
        sizeNode.or(() -> algNode).or(() -> privateKey).orElse(child(doc, "kind").orElse(doc));
    Location location = facts.at(line(anchor));
    Value<String> algorithm =
        algNode.isPresent()
            ? Generation.given(
                KeyCommands.canonicalAlgorithm(alg),
                facts.at(line(algNode.get())),
                "privateKey.algorithm: " + alg)
            : Generation.toolDefault("RSA", "cert-manager default algorithm");
    Optional<Integer> size =
        sizeNode.flatMap(n -> text(n)).filter(s -> s.matches("\\d+")).map(Integer::parseInt);
    String tool = "cert-manager";
    switch (KeyCommands.canonicalAlgorithm(alg)) {
      case "RSA" ->
          facts.fact(
              Generation.pair(
                  location,
                  tool,
                  algorithm,
                  size.<Value<Integer>>map(
                          s -> Generation.given(s, location, "privateKey.size: " + s))
                      .orElse(Generation.toolDefault(2048, "cert-manager default RSA size")),
                  null));
      case "EC" -> {
        int bits = size.orElse(256);
        String curve = Generation.curveForBits(bits);
        Value<String> c =
            curve == null
                ? Value.unknown("no curve of " + bits + " bits")
                : size.isPresent()
                    ? Generation.given(curve, location, "privateKey.size: " + bits)
                    : Generation.toolDefault(curve, "cert-manager default ECDSA size");
        Value<Integer> s =
            size.isPresent()
                ? Generation.given(bits, location, "privateKey.size: " + bits)
                : Generation.toolDefault(256, "cert-manager default ECDSA size");
        facts.fact(Generation.pair(location, tool, algorithm, s, c));
      }
      case "Ed25519" ->
          facts.fact(
              Generation.pair(
                  location, tool, algorithm, Value.unknown("fixed by the algorithm"), algorithm));
      default -> {}
    }
  }

  private static boolean printable(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == '\uFFFD') {
        return false;
      }
    }
    return true;
  }
}
