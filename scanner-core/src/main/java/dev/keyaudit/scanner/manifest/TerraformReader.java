package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.facts.KeyExportability;
import dev.keyaudit.rules.facts.SecretInConfig.Kind;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.manifest.HclParser.Attribute;
import dev.keyaudit.scanner.manifest.HclParser.Block;
import dev.keyaudit.scanner.manifest.HclParser.HclValue;
import dev.keyaudit.scanner.manifest.HclParser.Num;
import dev.keyaudit.scanner.manifest.HclParser.ObjV;
import dev.keyaudit.scanner.manifest.HclParser.Ref;
import dev.keyaudit.scanner.manifest.HclParser.Str;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Terraform resources that generate or hold keys: {@code tls_private_key} (size, curve, and the
 * provider's P224 default curve for ECDSA), AWS/GCP/Azure KMS key specs, Vault transit keys (type,
 * {@code exportable}), inline key material ({@code key_material_base64}, {@code raw_key}), and
 * literal secrets in any attribute. {@code var.x} is resolved to the variable's default in the same
 * module.
 */
final class TerraformReader {

  private static final Pattern GCP_RSA = Pattern.compile("RSA_(?:SIGN|DECRYPT)_\\w*?_(\\d{4})_");
  private static final Pattern GCP_EC = Pattern.compile("EC_SIGN_(P\\d{3}|SECP256K1)_");

  private final FileFacts facts;
  private final Map<String, Variable> variableDefaults;

  /** A module variable's {@code default}, with the file it is declared in. */
  record Variable(String path, Attribute defaultValue) {}

  /**
   * @param variableDefaults {@code default} attributes of the module's {@code variable} blocks
   */
  TerraformReader(FileFacts facts, Map<String, Variable> variableDefaults) {
    this.facts = facts;
    this.variableDefaults = variableDefaults;
  }

  void read(Block root) {
    for (Block block : root.blocks()) {
      if (block.type().equals("resource") && block.labels().size() >= 2) {
        resource(block.labels().get(0), block.labels().get(0) + "." + block.labels().get(1), block);
      }
      if (!block.type().equals("variable")) {
        literalSecrets(block, 0);
      }
    }
    root.attributes().values().forEach(this::attributeSecret); // .tfvars
  }

  private void resource(String type, String address, Block block) {
    Location at = facts.at(block.line());
    switch (type) {
      case "tls_private_key" -> tlsPrivateKey(block, at);
      case "aws_kms_key" -> {
        Attribute spec = first(block, "customer_master_key_spec", "key_spec");
        if (spec != null) {
          string(spec)
              .ifPresent(s -> awsKeySpec(s, facts.at(spec.line()), spec.name() + " = " + s));
        }
      }
      case "google_kms_crypto_key" ->
          block
              .blocks("version_template")
              .forEach(
                  t -> {
                    Attribute alg = t.attribute("algorithm");
                    if (alg != null) {
                      string(alg).ifPresent(s -> gcpAlgorithm(s, facts.at(alg.line())));
                    }
                  });
      case "azurerm_key_vault_key" -> azureKey(block, at);
      case "vault_transit_secret_backend_key" -> {
        Attribute typeAttr = block.attribute("type");
        if (typeAttr != null) {
          string(typeAttr)
              .flatMap(t -> VaultKeyTypes.generation(t, facts.at(typeAttr.line()), "type = " + t))
              .ifPresent(facts::fact);
        }
        for (String setting : List.of("exportable", "allow_plaintext_backup")) {
          Attribute a = block.attribute(setting);
          if (a != null && a.value() instanceof HclParser.Bool b && b.value()) {
            Location l = facts.at(a.line());
            facts.fact(
                new KeyExportability(
                    l,
                    "vault-transit",
                    address,
                    setting,
                    List.of(new TraceStep(l, setting + " = true"))));
          }
        }
      }
      default -> {}
    }
  }

  private void tlsPrivateKey(Block block, Location at) {
    Attribute algAttr = block.attribute("algorithm");
    Value<String> algorithm =
        algAttr == null ? Value.unknown("algorithm not set") : stringValue(algAttr);
    String alg = algorithm.knownValue().orElse("").toUpperCase(Locale.ROOT);
    Value<String> jca =
        algorithm.map(a -> a.equalsIgnoreCase("ECDSA") ? "EC" : KeyCommands.canonicalAlgorithm(a));
    switch (alg) {
      case "RSA" -> {
        Attribute bits = block.attribute("rsa_bits");
        Value<Integer> size =
            bits == null
                ? Generation.toolDefault(2048, "tls_private_key default rsa_bits")
                : intValue(bits);
        facts.fact(Generation.pair(at, "terraform tls_private_key", jca, size, null));
      }
      case "ECDSA" -> {
        Attribute curveAttr = block.attribute("ecdsa_curve");
        if (curveAttr == null) {
          // The provider's default curve is P224: neither strength nor curve is stated.
          String why = "tls_private_key default ecdsa_curve is P224";
          facts.fact(
              Generation.pair(
                  at,
                  "terraform tls_private_key",
                  jca,
                  Generation.toolDefault(224, why),
                  Generation.toolDefault("secp224r1", why)));
        } else {
          Value<String> curve = stringValue(curveAttr).map(Generation::normalizeCurve);
          facts.fact(
              Generation.pair(
                  at,
                  "terraform tls_private_key",
                  jca,
                  Value.unknown("size follows from the curve"),
                  curve));
        }
      }
      case "ED25519" ->
          facts.fact(
              Generation.pair(
                  at,
                  "terraform tls_private_key",
                  jca,
                  Value.unknown("fixed by the algorithm"),
                  jca));
      default -> {}
    }
  }

  private void awsKeySpec(String spec, Location at, String written) {
    if (spec.startsWith("RSA_")) {
      int bits = Integer.parseInt(spec.substring(4).replaceAll("\\D", "0"));
      facts.fact(
          Generation.managedPair(
              at,
              "aws kms",
              Generation.given("RSA", at, written),
              Generation.given(bits, at, written),
              null));
    } else if (spec.startsWith("ECC_NIST_P") || spec.equals("ECC_SECG_P256K1")) {
      String curve =
          spec.equals("ECC_SECG_P256K1")
              ? "secp256k1"
              : Generation.normalizeCurve(spec.substring(9));
      facts.fact(
          Generation.managedPair(
              at,
              "aws kms",
              Generation.given("EC", at, written),
              Value.unknown("size follows from the curve"),
              Generation.given(curve, at, written)));
    } else if (spec.startsWith("HMAC_")) {
      int bits = Integer.parseInt(spec.substring(5).replaceAll("\\D", "0"));
      facts.fact(
          Generation.managedSecretKey(
              at,
              "aws kms",
              Generation.given("HmacSHA" + bits, at, written),
              Generation.given(bits, at, written)));
    }
  }

  private void gcpAlgorithm(String algorithm, Location at) {
    String written = "algorithm = " + algorithm;
    Matcher rsa = GCP_RSA.matcher(algorithm);
    Matcher ec = GCP_EC.matcher(algorithm);
    if (rsa.find()) {
      facts.fact(
          Generation.managedPair(
              at,
              "gcp kms",
              Generation.given("RSA", at, written),
              Generation.given(Integer.parseInt(rsa.group(1)), at, written),
              null));
    } else if (ec.find()) {
      facts.fact(
          Generation.managedPair(
              at,
              "gcp kms",
              Generation.given("EC", at, written),
              Value.unknown("size follows from the curve"),
              Generation.given(Generation.normalizeCurve(ec.group(1)), at, written)));
    } else if (algorithm.equals("HMAC_SHA1")) {
      facts.fact(
          Generation.managedSecretKey(
              at,
              "gcp kms",
              Generation.given("HmacSHA1", at, written),
              Value.unknown("key size chosen by KMS")));
    }
  }

  private void azureKey(Block block, Location at) {
    Attribute type = block.attribute("key_type");
    if (type == null) {
      return;
    }
    String t = string(type).orElse("");
    if (t.startsWith("RSA")) {
      Attribute size = block.attribute("key_size");
      Value<Integer> bits = size == null ? Value.unknown("key_size not set") : intValue(size);
      facts.fact(
          Generation.managedPair(
              at,
              "azure key vault",
              Generation.given("RSA", facts.at(type.line()), "key_type = " + t),
              bits,
              null));
    } else if (t.startsWith("EC")) {
      Attribute curve = block.attribute("curve");
      Value<String> c =
          curve == null
              ? Value.unknown("curve not set")
              : stringValue(curve).map(Generation::normalizeCurve);
      facts.fact(
          Generation.managedPair(
              at,
              "azure key vault",
              Generation.given("EC", facts.at(type.line()), "key_type = " + t),
              Value.unknown("size follows from the curve"),
              c));
    }
  }

  private void literalSecrets(Block block, int depth) {
    if (depth > 16) {
      return;
    }
    block.attributes().values().forEach(this::attributeSecret);
    block.blocks().forEach(b -> literalSecrets(b, depth + 1));
  }

  private void attributeSecret(Attribute attribute) {
    if (attribute.value() instanceof ObjV obj) {
      obj.entries().values().forEach(this::attributeSecret);
      return;
    }
    if (!(attribute.value() instanceof Str s)) {
      return;
    }
    String name = attribute.name();
    if (name.equals("key_material_base64")
        || name.equals("raw_key")
        || name.equals("rsa_encrypted_key")) {
      facts.secret(name, s.text(), attribute.line(), Kind.KMS_KEY_MATERIAL);
    } else {
      facts.setting(name, s.text(), attribute.line());
    }
  }

  private Value<String> stringValue(Attribute a) {
    if (a.value() instanceof Str s) {
      return Generation.given(s.text(), facts.at(a.line()), a.name() + " = \"" + s.text() + "\"");
    }
    if (a.value() instanceof Ref r && r.path().startsWith("var.")) {
      Variable v = variableDefaults.get(r.path().substring(4));
      Attribute def = v == null ? null : v.defaultValue();
      if (def != null && def.value() instanceof Str s) {
        return Value.known(
            s.text(),
            List.of(
                new TraceStep(
                    Location.line(v.path(), def.line()), "variable default \"" + s.text() + "\""),
                new TraceStep(facts.at(a.line()), a.name() + " = " + r.path())));
      }
      return Value.unknown(r.path() + " has no default in this module");
    }
    return Value.unknown(a.name() + " is an expression");
  }

  private Value<Integer> intValue(Attribute a) {
    HclValue v = a.value();
    if (v instanceof Num n && n.text().matches("\\d+")) {
      return Generation.given(
          Integer.parseInt(n.text()), facts.at(a.line()), a.name() + " = " + n.text());
    }
    if (v instanceof Str s && s.text().matches("\\d+")) {
      return Generation.given(
          Integer.parseInt(s.text()), facts.at(a.line()), a.name() + " = " + s.text());
    }
    if (v instanceof Ref r && r.path().startsWith("var.")) {
      Variable variable = variableDefaults.get(r.path().substring(4));
      Attribute def = variable == null ? null : variable.defaultValue();
      if (def != null && def.value() instanceof Num n && n.text().matches("\\d+")) {
        return Value.known(
            Integer.parseInt(n.text()),
            List.of(
                new TraceStep(
                    Location.line(variable.path(), def.line()), "variable default " + n.text()),
                new TraceStep(facts.at(a.line()), a.name() + " = " + r.path())));
      }
      return Value.unknown(r.path() + " has no default in this module");
    }
    return Value.unknown(a.name() + " is an expression");
  }

  private static Optional<String> string(Attribute a) {
    return a.value() instanceof Str s ? Optional.of(s.text()) : Optional.empty();
  }

  private static Attribute first(Block block, String... names) {
    for (String n : names) {
      if (block.attribute(n) != null) {
        return block.attribute(n);
      }
    }
    return null;
  }
}
