package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.manifest.HclParser.Attribute;
import dev.keyaudit.scanner.manifest.HclParser.Block;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads JSON files: JWK and JWKS keys with private members (RSA/EC/OKP {@code d}, {@code oct}
 * {@code k}), Terraform JSON configuration ({@code .tf.json}, turned into the HCL model), and
 * secret-like members of any JSON (Terraform state, service-account files, app configuration). PEM
 * blocks inside JSON strings are found by the text scan that runs on every file.
 */
final class JsonReader {

  private static final Set<String> JWK_PRIVATE = Set.of("d", "p", "q", "dp", "dq", "qi");
  private static final int MAX_DEPTH = 200;

  private final FileFacts facts;

  JsonReader(FileFacts facts) {
    this.facts = facts;
  }

  void read(JsonTree root) {
    walk(root, "", 0);
  }

  private void walk(JsonTree node, String path, int depth) {
    if (depth > MAX_DEPTH) {
      return;
    }
    Map<String, JsonTree> members = node.members();
    if (!members.isEmpty()) {
      if (node.string("kty") != null) {
        jwk(node);
        return;
      }
      for (Map.Entry<String, JsonTree> m : members.entrySet()) {
        String p = path.isEmpty() ? m.getKey() : path + "." + m.getKey();
        JsonTree v = m.getValue();
        if (v.value() instanceof String s) {
          facts.setting(p, s, v.line());
        } else {
          walk(v, p, depth + 1);
        }
      }
      return;
    }
    for (JsonTree item : node.items()) {
      walk(item, path, depth + 1);
    }
  }

  private void jwk(JsonTree key) {
    String kty = key.string("kty");
    boolean isPrivate =
        kty.equals("oct")
            ? key.string("k") != null
            : JWK_PRIVATE.stream().anyMatch(m -> key.string(m) != null);
    if (!isPrivate) {
      return;
    }
    Location location = facts.at(key.line());
    String secretMember = kty.equals("oct") ? key.string("k") : key.string("d");
    int bits = 0;
    String curve = key.string("crv");
    String algorithm =
        switch (kty) {
          case "RSA" -> {
            byte[] n = SecretValues.decodeBase64(key.string("n") == null ? "" : key.string("n"));
            bits = n == null ? 0 : new BigInteger(1, n).bitLength();
            yield "RSA";
          }
          case "EC" -> {
            String c = curve == null ? null : Generation.normalizeCurve(curve);
            curve = c;
            bits =
                c == null
                    ? 0
                    : switch (c) {
                      case "secp256r1", "secp256k1" -> 256;
                      case "secp384r1" -> 384;
                      case "secp521r1" -> 521;
                      default -> 0;
                    };
            yield "EC";
          }
          case "OKP" -> curve == null ? "OKP" : curve;
          case "oct" -> {
            byte[] k = SecretValues.decodeBase64(secretMember == null ? "" : secretMember);
            bits = k == null ? 0 : k.length * 8;
            yield key.string("alg") != null ? key.string("alg") : "oct";
          }
          default -> kty;
        };
    facts.keyMaterial(
        location,
        "JWK (" + kty + ") with private members",
        new ParsedKey(algorithm, bits, curve, false),
        null,
        Secret.ofText(secretMember == null ? "" : secretMember),
        List.of(new TraceStep(location, "JWK kty=" + kty)));
  }

  /** {@code .tf.json}: the {@code resource} and {@code variable} objects as HCL blocks. */
  static Block terraform(JsonTree root) {
    Block top = new Block("", List.of(), root.line(), new LinkedHashMap<>(), new ArrayList<>());
    JsonTree resources = root.members().get("resource");
    if (resources != null) {
      for (Map.Entry<String, JsonTree> type : resources.members().entrySet()) {
        for (Map.Entry<String, JsonTree> named : type.getValue().members().entrySet()) {
          top.blocks()
              .add(block("resource", List.of(type.getKey(), named.getKey()), named.getValue()));
        }
      }
    }
    JsonTree variables = root.members().get("variable");
    if (variables != null) {
      for (Map.Entry<String, JsonTree> v : variables.members().entrySet()) {
        top.blocks().add(block("variable", List.of(v.getKey()), v.getValue()));
      }
    }
    return top;
  }

  private static Block block(String type, List<String> labels, JsonTree body) {
    Block block = new Block(type, labels, body.line(), new LinkedHashMap<>(), new ArrayList<>());
    for (Map.Entry<String, JsonTree> m : body.members().entrySet()) {
      Object v = m.getValue().value();
      int line = m.getValue().line();
      if (v instanceof String s) {
        block
            .attributes()
            .put(m.getKey(), new Attribute(m.getKey(), new HclParser.Str(s, line), line));
      } else if (v instanceof Number n) {
        block
            .attributes()
            .put(m.getKey(), new Attribute(m.getKey(), new HclParser.Num(n.toString()), line));
      } else if (v instanceof Boolean b) {
        block.attributes().put(m.getKey(), new Attribute(m.getKey(), new HclParser.Bool(b), line));
      } else if (v instanceof Map<?, ?>) {
        block.blocks().add(block(m.getKey(), List.of(), m.getValue()));
      }
    }
    return block;
  }
}
