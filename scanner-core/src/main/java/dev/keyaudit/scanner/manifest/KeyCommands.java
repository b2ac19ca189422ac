package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.facts.KeyExportability;
import dev.keyaudit.rules.facts.SecretInConfig.Kind;
import dev.keyaudit.rules.jca.JdkDefaults;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Reads one shell command: key generation with {@code keytool}, {@code openssl}, {@code ssh-keygen}
 * and {@code vault write transit/keys}, passwords given as options ({@code -storepass}, {@code
 * -passout pass:...}), and {@code -D} JVM options of {@code java}. Options come in many spellings
 * ({@code -keysize 1024}, {@code rsa:1024}, {@code -pkeyopt rsa_keygen_bits:1024}).
 */
final class KeyCommands {

  private static final Set<String> KEYTOOL_PASSWORDS =
      Set.of(
          "-storepass",
          "-keypass",
          "-srcstorepass",
          "-deststorepass",
          "-srckeypass",
          "-destkeypass",
          "-new");
  private static final Set<String> SSH_KEYGEN_NON_GENERATION =
      Set.of(
          "-l", "-y", "-p", "-R", "-F", "-H", "-e", "-i", "-s", "-Y", "-L", "-k", "-Q", "-c", "-D",
          "-B");

  private static final Set<String> OPTIONS_WITH_VALUE =
      Set.of(
          "-out",
          "-in",
          "-days",
          "-passout",
          "-passin",
          "-rand",
          "-primes",
          "-writerand",
          "-pass",
          "-engine");

  private final FileFacts facts;
  private final int targetJdk;

  KeyCommands(FileFacts facts, int targetJdk) {
    this.facts = facts;
    this.targetJdk = targetJdk;
  }

  void command(List<String> words, int line) {
    command(words, line, 0);
  }

  private void command(List<String> words, int line, int depth) {
    int start = 0;
    // Skip wrappers and leading environment assignments: sudo, env, exec, VAR=x.
    while (start < words.size()
        && (Set.of("sudo", "env", "exec", "command", "time", "nohup", "RUN", "-", "@")
                .contains(words.get(start))
            || words.get(start).matches("[A-Za-z_][A-Za-z0-9_]*=.*"))) {
      if (words.get(start).contains("=")) {
        String w = words.get(start);
        facts.setting(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1), line);
      }
      start++;
    }
    if (start >= words.size()) {
      return;
    }
    List<String> args = words.subList(start, words.size());
    String tool = baseName(args.get(0));
    switch (tool) {
      case "sh", "bash", "zsh" -> nestedScript(args, line, depth);
      case "keytool" -> keytool(args, line);
      case "openssl" -> openssl(args, line);
      case "ssh-keygen" -> sshKeygen(args, line);
      case "vault" -> vault(args, line);
      default -> args.forEach(a -> JvmOptions.option(a, line, facts)); // java -D..., args lists
    }
  }

  /** {@code sh -c '...'}, {@code bash -c "..."} and Jenkins' {@code sh '...'} steps. */
  private void nestedScript(List<String> args, int line, int depth) {
    if (depth >= 3) {
      return;
    }
    for (int i = 1; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals("-c") || a.startsWith("-")) {
        continue;
      }
      if (a.indexOf(' ') > 0) {
        for (List<String> nested : ShellWords.commands(a)) {
          command(nested, line, depth + 1);
        }
      }
      return;
    }
  }

  private void keytool(List<String> args, int line) {
    Location at = facts.at(line);
    boolean pair = args.contains("-genkeypair") || args.contains("-genkey");
    boolean secret = args.contains("-genseckey");
    for (int i = 1; i < args.size() - 1; i++) {
      if (KEYTOOL_PASSWORDS.contains(args.get(i)) && !args.get(i + 1).startsWith("-")) {
        facts.secret("keytool " + args.get(i), args.get(i + 1), line, Kind.KEY_PASSWORD);
      }
    }
    if (!pair && !secret) {
      return;
    }
    String alg = option(args, "-keyalg");
    String size = option(args, "-keysize");
    String group = option(args, "-groupname");
    Value<String> algorithm =
        alg != null
            ? Generation.given(canonicalAlgorithm(alg), at, "keytool -keyalg " + alg)
            : Value.unknown("keytool without -keyalg (required since JDK 14)");
    String a = alg == null ? null : canonicalAlgorithm(alg);
    Value<Integer> keySize;
    if (size != null && parseInt(size) > 0) {
      keySize = Generation.given(parseInt(size), at, "keytool -keysize " + size);
    } else if (a != null) {
      OptionalInt def = JdkDefaults.keySize(a, targetJdk, false);
      keySize =
          def.isPresent()
              ? Generation.toolDefault(
                  def.getAsInt(), "keytool default for " + a + " on JDK " + targetJdk)
              : Value.unknown("no keytool default known for " + a);
    } else {
      keySize = Value.unknown("algorithm unknown");
    }
    if (secret) {
      facts.fact(Generation.secretKey(at, "keytool", algorithm, keySize));
      return;
    }
    Value<String> curve = null;
    if (group != null) {
      curve = Generation.given(Generation.normalizeCurve(group), at, "keytool -groupname " + group);
    } else if ("EC".equals(a) && keySize.candidates().size() == 1) {
      String c = Generation.curveForBits(keySize.candidates().get(0).value());
      curve =
          c == null
              ? null
              : keySize instanceof Value.Known<Integer>
                  ? Generation.given(c, at, "keytool -keysize " + size)
                  : Generation.toolDefault(c, "keytool default curve");
    }
    facts.fact(Generation.pair(at, "keytool", algorithm, keySize, curve));
  }

  private void openssl(List<String> args, int line) {
    Location at = facts.at(line);
    for (int i = 1; i < args.size() - 1; i++) {
      String o = args.get(i);
      if ((o.equals("-passout")
              || o.equals("-passin")
              || o.equals("-password")
              || o.equals("-pass"))
          && args.get(i + 1).startsWith("pass:")) {
        facts.secret("openssl " + o, args.get(i + 1).substring(5), line, Kind.KEY_PASSWORD);
      }
    }
    if (args.size() < 2) {
      return;
    }
    String sub = args.get(1);
    switch (sub) {
      case "genrsa" -> {
        String bits = lastNumber(args);
        facts.fact(
            Generation.pair(
                at,
                "openssl",
                Generation.given("RSA", at, "openssl genrsa"),
                bits != null
                    ? Generation.given(parseInt(bits), at, "openssl genrsa " + bits)
                    : Generation.toolDefault(2048, "openssl genrsa default"),
                null));
      }
      case "gendsa", "dsaparam" -> {
        String bits = lastNumber(args);
        if (sub.equals("dsaparam") && !args.contains("-genkey") && bits == null) {
          return;
        }
        facts.fact(
            Generation.pair(
                at,
                "openssl",
                Generation.given("DSA", at, "openssl " + sub),
                bits != null
                    ? Generation.given(parseInt(bits), at, "openssl " + sub + " " + bits)
                    : Value.unknown("DSA size comes from a parameter file"),
                null));
      }
      case "ecparam" -> {
        String name = option(args, "-name");
        if (args.contains("-genkey") && name != null) {
          String curve = Generation.normalizeCurve(name);
          facts.fact(
              Generation.pair(
                  at,
                  "openssl",
                  Generation.given("EC", at, "openssl ecparam -genkey"),
                  Value.unknown("size follows from the curve"),
                  Generation.given(curve, at, "openssl ecparam -name " + name)));
        }
      }
      case "genpkey" -> {
        String alg = option(args, "-algorithm");
        if (alg != null) {
          pkeyGeneration(alg, args, at, "openssl genpkey -algorithm " + alg);
        }
      }
      case "req" -> {
        String newkey = option(args, "-newkey");
        if (newkey != null) {
          pkeyGeneration(newkey, args, at, "openssl req -newkey " + newkey);
        }
      }
      default -> {}
    }
  }

  /**
   * {@code rsa:2048}, {@code RSA} with {@code -pkeyopt rsa_keygen_bits:N}, {@code ec}, {@code
   * ed25519}.
   */
  private void pkeyGeneration(String spec, List<String> args, Location at, String written) {
    String[] parts = spec.split(":", 2);
    String alg = canonicalAlgorithm(parts[0]);
    String bits = parts.length > 1 && parts[1].matches("\\d+") ? parts[1] : null;
    String curve = null;
    for (int i = 0; i < args.size() - 1; i++) {
      if (args.get(i).equals("-pkeyopt")) {
        String[] opt = args.get(i + 1).split(":", 2);
        if (opt.length == 2
            && (opt[0].equals("rsa_keygen_bits") || opt[0].equals("dsa_paramgen_bits"))) {
          bits = opt[1];
        } else if (opt.length == 2
            && (opt[0].equals("ec_paramgen_curve") || opt[0].equals("group"))) {
          curve = opt[1];
        }
      }
    }
    Value<String> algorithm = Generation.given(alg, at, written);
    switch (alg) {
      case "RSA", "RSASSA-PSS" -> {
        Value<Integer> size =
            bits != null && parseInt(bits) > 0
                ? Generation.given(parseInt(bits), at, written)
                : Generation.toolDefault(2048, "openssl default RSA size");
        facts.fact(Generation.pair(at, "openssl", algorithm, size, null));
      }
      case "EC" -> {
        Value<String> c =
            curve != null
                ? Generation.given(
                    Generation.normalizeCurve(curve), at, "-pkeyopt ec_paramgen_curve:" + curve)
                : Value.unknown("curve comes from a parameter file");
        facts.fact(
            Generation.pair(
                at, "openssl", algorithm, Value.unknown("size follows from the curve"), c));
      }
      case "DSA", "DH" -> {
        Value<Integer> size =
            bits != null && parseInt(bits) > 0
                ? Generation.given(parseInt(bits), at, written)
                : Value.unknown("size comes from a parameter file");
        facts.fact(Generation.pair(at, "openssl", algorithm, size, null));
      }
      default ->
          facts.fact(
              Generation.pair(
                  at,
                  "openssl",
                  algorithm,
                  Value.unknown("fixed by the algorithm"),
                  Generation.given(alg, at, written)));
    }
  }

  private void sshKeygen(List<String> args, int line) {
    if (args.stream().anyMatch(SSH_KEYGEN_NON_GENERATION::contains)) {
      return;
    }
    String type = option(args, "-t");
    if (type == null) {
      return; // modern ssh-keygen defaults to Ed25519 or RSA 3072
    }
    Location at = facts.at(line);
    String bits = option(args, "-b");
    String t = type.toLowerCase(Locale.ROOT);
    String written = "ssh-keygen -t " + type;
    switch (t) {
      case "rsa", "rsa1" -> {
        Value<Integer> size =
            bits != null && parseInt(bits) > 0
                ? Generation.given(parseInt(bits), at, "ssh-keygen -b " + bits)
                : Generation.toolDefault(3072, "ssh-keygen default RSA size (OpenSSH 8.0+)");
        facts.fact(
            Generation.pair(at, "ssh-keygen", Generation.given("RSA", at, written), size, null));
      }
      case "dsa" ->
          facts.fact(
              Generation.pair(
                  at,
                  "ssh-keygen",
                  Generation.given("DSA", at, written),
                  Generation.toolDefault(1024, "ssh-keygen DSA keys are always 1024 bits"),
                  null));
      case "ecdsa", "ecdsa-sk" -> {
        int b = bits != null && parseInt(bits) > 0 ? parseInt(bits) : 256;
        String curve = Generation.curveForBits(b);
        Value<Integer> size =
            bits != null
                ? Generation.given(b, at, "ssh-keygen -b " + bits)
                : Generation.toolDefault(256, "ssh-keygen default ECDSA size");
        Value<String> c =
            curve == null
                ? Value.unknown("no curve of " + b + " bits")
                : bits != null
                    ? Generation.given(curve, at, "ssh-keygen -b " + bits)
                    : Generation.toolDefault(curve, "ssh-keygen default ECDSA curve");
        facts.fact(Generation.pair(at, "ssh-keygen", Generation.given("EC", at, written), size, c));
      }
      case "ed25519", "ed25519-sk" ->
          facts.fact(
              Generation.pair(
                  at,
                  "ssh-keygen",
                  Generation.given("Ed25519", at, written),
                  Value.unknown("fixed by the algorithm"),
                  Generation.given("Ed25519", at, written)));
      default -> {}
    }
  }

  /** {@code vault write transit/keys/NAME type=rsa-2048 exportable=true}. */
  private void vault(List<String> args, int line) {
    if (args.size() < 3 || !args.get(1).equals("write") || !args.get(2).contains("transit/keys/")) {
      return;
    }
    Location at = facts.at(line);
    String name = args.get(2).substring(args.get(2).lastIndexOf('/') + 1);
    for (String arg : args.subList(3, args.size())) {
      int eq = arg.indexOf('=');
      if (eq < 0) {
        continue;
      }
      String key = arg.substring(0, eq);
      String value = arg.substring(eq + 1);
      if ((key.equals("exportable") || key.equals("allow_plaintext_backup"))
          && value.equals("true")) {
        facts.fact(
            new KeyExportability(at, "vault-transit", name, key, List.of(new TraceStep(at, arg))));
      } else if (key.equals("type")) {
        VaultKeyTypes.generation(value, at, "vault transit type=" + value).ifPresent(facts::fact);
      }
    }
  }

  static String canonicalAlgorithm(String alg) {
    String a = alg.strip();
    return switch (a.toUpperCase(Locale.ROOT)) {
      case "RSA" -> "RSA";
      case "EC", "ECDSA" -> "EC";
      case "DSA" -> "DSA";
      case "DH", "DHX" -> "DH";
      case "ED25519" -> "Ed25519";
      case "ED448" -> "Ed448";
      case "EDDSA" -> "EdDSA";
      case "X25519" -> "X25519";
      case "X448" -> "X448";
      case "RSA-PSS", "RSASSA-PSS" -> "RSASSA-PSS";
      case "AES" -> "AES";
      case "DES" -> "DES";
      case "DESEDE", "3DES", "TRIPLEDES" -> "DESede";
      default -> a;
    };
  }

  private static String option(List<String> args, String name) {
    for (int i = 0; i < args.size(); i++) {
      String a = args.get(i);
      if (a.equals(name) && i + 1 < args.size()) {
        return args.get(i + 1);
      }
      if (a.startsWith(name + "=")) {
        return a.substring(name.length() + 1);
      }
    }
    return null;
  }

  /** The bits operand of genrsa/gendsa/dsaparam: a number that is not an option's value. */
  private static String lastNumber(List<String> args) {
    for (int i = args.size() - 1; i >= 2; i--) {
      String a = args.get(i);
      if (a.matches("\\d{3,5}") && !OPTIONS_WITH_VALUE.contains(args.get(i - 1))) {
        return a;
      }
    }
    return null;
  }

  private static int parseInt(String s) {
    try {
      return Integer.parseInt(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String baseName(String word) {
    int slash = word.lastIndexOf('/');
    return slash < 0 ? word : word.substring(slash + 1);
  }
}
