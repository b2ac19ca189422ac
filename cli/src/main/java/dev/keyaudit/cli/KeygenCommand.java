package dev.keyaudit.cli;

import dev.keyaudit.keygen.CompliantKeys;
import dev.keyaudit.keygen.GenerationRecord;
import dev.keyaudit.keygen.KeyGenerationException;
import dev.keyaudit.keygen.KeyStores;
import dev.keyaudit.keygen.Passwords;
import dev.keyaudit.keygen.PolicyTable;
import dev.keyaudit.keygen.PolicyViolationException;
import dev.keyaudit.keygen.RngDescription;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code keyaudit keygen}: generates one key with the reference generator (keygen module) under a
 * policy, from the environment's SP 800-90A DRBG, stores it password-protected and prints what was
 * generated and with which DRBG. Exit 0 on success, 1 when the policy refuses the request, 2 for
 * usage and I/O errors. The password comes from an environment variable, a file or the console,
 * never from an option value.
 */
@Command(
    name = "keygen",
    mixinStandardHelpOptions = true,
    description = {
      "Generate a key under a policy from an SP 800-90A DRBG and store it password-protected.",
      "Secret keys and signing key pairs go to a PKCS#12 keystore (.p12/.pfx); any key pair can be"
          + " written as an encrypted PKCS#8 PEM file (.pem/.p8/.key)."
    },
    exitCodeListHeading = "Exit codes:%n",
    exitCodeList = {
      "0:key generated and stored",
      "1:refused by the policy",
      "2:usage or I/O error"
    })
public final class KeygenCommand implements Callable<Integer> {

  static final int OK = 0;
  static final int POLICY_REFUSAL = 1;
  static final int USAGE_OR_IO = 2;

  @Option(
      names = "--alg",
      required = true,
      description =
          "AES, HmacSHA256 (any HmacSHA*), RSA, EC, Ed25519, Ed448, X25519, X448, ML-KEM, ML-DSA")
  String algorithm;

  @Option(
      names = "--size",
      description =
          "Key size in bits (AES, HMAC, RSA) or parameter set (ML-KEM 512/768/1024, ML-DSA"
              + " 44/65/87). Required for those: the strength is always explicit.")
  Integer size;

  @Option(names = "--curve", description = "EC curve, e.g. secp384r1 or P-384 (required for EC)")
  String curve;

  @Option(names = "--out", required = true, description = "Keystore (.p12) or PEM file to write")
  Path out;

  @Option(
      names = "--public-out",
      description = "Also write the public key of a key pair here (PEM)")
  Path publicOut;

  @Option(names = "--alias", description = "Keystore alias (required for PKCS#12 output)")
  String alias;

  @Option(
      names = "--policy",
      defaultValue = PolicyTable.DEFAULT_POLICY,
      description =
          "Policy id (default: ${DEFAULT-VALUE}): nist-800-131a, fips-140-3, cnsa-2.0,"
              + " bsi-tr-02102-1, nist-ir-8547")
  String policy;

  @Option(
      names = "--environment",
      description =
          "Deployment environment the key is for (default: the keyaudit.environment"
              + " property or KEYAUDIT_ENVIRONMENT variable)")
  String environment;

  @Option(names = "--tenant", description = "Tenant the key is for (its own DRBG)")
  String tenant;

  @Option(
      names = "--kdf-iterations",
      description =
          "PBKDF2 iterations protecting the stored key (default "
              + CompliantKeys.DEFAULT_KDF_ITERATIONS
              + "; at least the policy's floor)")
  Integer kdfIterations;

  @Option(
      names = "--evidence-log",
      description = "Append the generation record (JSON Lines, no key material) to this file")
  Path evidenceLog;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  PasswordSource password;

  /** Where the password comes from; the console when neither is given. */
  static final class PasswordSource {
    @Option(
        names = "--password-env",
        paramLabel = "VAR",
        description = "Read the password from environment variable VAR")
    String variable;

    @Option(
        names = "--password-file",
        paramLabel = "FILE",
        description = "Read the password from the first line of FILE")
    Path file;
  }

  @Spec CommandSpec spec;

  /** Environment lookup; tests replace it. */
  UnaryOperator<String> environmentVariables = System::getenv;

  private enum Output {
    PKCS12,
    PKCS8
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    char[] secret = null;
    try {
      Output format = outputFormat();
      CompliantKeys keys = keys();
      AtomicReference<GenerationRecord> record = new AtomicReference<>();
      keys = keys.withListener(record::set);
      if (evidenceLog != null) {
        keys = keys.withListener(this::appendEvidence);
      }
      // The password first: a key is generated only when it can be stored.
      secret = readPassword(format);
      Object key = generate(keys);
      String stored = store(keys.keyStores(), key, format, secret);
      report(record.get(), stored);
      return OK;
    } catch (PolicyViolationException e) {
      err.println("refused: " + e.getMessage());
      return POLICY_REFUSAL;
    } catch (IOException
        | GeneralSecurityException
        | KeyGenerationException
        | IllegalArgumentException
        | IllegalStateException
        | UnsupportedOperationException e) {
      err.println("error: " + e.getMessage());
      return USAGE_OR_IO;
    } finally {
      if (secret != null) {
        Arrays.fill(secret, '\0');
      }
    }
  }

  private CompliantKeys keys() {
    CompliantKeys keys = CompliantKeys.forPolicy(policy).withService("keyaudit-cli");
    if (environment != null) {
      keys = keys.withEnvironment(environment);
    }
    if (tenant != null) {
      keys = keys.withTenant(tenant);
    }
    if (kdfIterations != null) {
      keys = keys.withKdfIterations(kdfIterations);
    }
    return keys;
  }

  /** The key, as the fluent API names it; a missing size or curve is a usage error. */
  private Object generate(CompliantKeys keys) {
    String alg = algorithm.strip();
    String upper = alg.toUpperCase(Locale.ROOT);
    if (upper.startsWith("HMAC")) {
      return keys.hmac(alg, requireSize());
    }
    return switch (upper) {
      case "AES" -> keys.aes(requireSize());
      case "RSA" -> keys.rsa(requireSize());
      case "EC", "ECDSA", "ECDH" -> keys.ec(requireCurve());
      case "ED25519" -> keys.ed25519();
      case "ED448" -> keys.ed448();
      case "X25519" -> keys.x25519();
      case "X448" -> keys.x448();
      case "ML-KEM" -> keys.mlKem(requireSize());
      case "ML-DSA" -> keys.mlDsa(requireSize());
      default ->
          throw new IllegalArgumentException(
              "unknown --alg '"
                  + alg
                  + "'; use AES, HmacSHA256..., RSA, EC, Ed25519, Ed448, X25519, X448, ML-KEM or"
                  + " ML-DSA");
    };
  }

  private int requireSize() {
    if (size == null) {
      throw new IllegalArgumentException("--alg " + algorithm + " needs --size");
    }
    return size;
  }

  private String requireCurve() {
    if (curve == null) {
      throw new IllegalArgumentException("--alg EC needs --curve (e.g. secp384r1)");
    }
    return curve;
  }

  private Output outputFormat() {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".p12") || name.endsWith(".pfx")) {
      if (alias == null || alias.isBlank()) {
        throw new IllegalArgumentException("PKCS#12 output needs --alias");
      }
      return Output.PKCS12;
    }
    if (name.endsWith(".pem") || name.endsWith(".p8") || name.endsWith(".key")) {
      return Output.PKCS8;
    }
    throw new IllegalArgumentException(
        "--out must end in .p12/.pfx (PKCS#12) or .pem/.p8/.key (encrypted PKCS#8)");
  }

  private char[] readPassword(Output format) throws IOException {
    if (password != null && password.variable != null) {
      return Passwords.fromEnvironment(password.variable, environmentVariables);
    }
    if (password != null && password.file != null) {
      return Passwords.fromFile(password.file);
    }
    if (System.console() == null) {
      throw new IllegalStateException(
          "no console to ask for the password; use --password-env VAR or --password-file FILE");
    }
    boolean creating = format == Output.PKCS8 || !Files.exists(out);
    return Passwords.fromConsole("Password for " + out, creating);
  }

  private String store(KeyStores stores, Object key, Output format, char[] secret)
      throws IOException, GeneralSecurityException {
    if (key instanceof SecretKey secretKey) {
      if (format != Output.PKCS12) {
        throw new IllegalArgumentException("secret keys are stored in a PKCS#12 keystore (.p12)");
      }
      stores.storeSecretKey(out, alias, secretKey, secret);
      return out + " alias \"" + alias + "\" (PKCS#12 secret-key entry)";
    }
    KeyPair pair = (KeyPair) key;
    if (publicOut != null) {
      KeyStores.writePublicKey(publicOut, pair.getPublic());
    }
    String publicNote = publicOut == null ? "" : "; public key in " + publicOut;
    if (format == Output.PKCS8) {
      stores.writeEncryptedPrivateKey(out, pair.getPrivate(), secret);
      return out + " (encrypted PKCS#8, PBES2)" + publicNote;
    }
    X509Certificate cert = stores.storeKeyPair(out, alias, pair, secret);
    return out
        + " alias \""
        + alias
        + "\" (PKCS#12 private-key entry, self-signed "
        + cert.getSigAlgName()
        + " certificate "
        + cert.getSubjectX500Principal().getName()
        + ")"
        + publicNote;
  }

  private void report(GenerationRecord rec, String stored) {
    PrintWriter o = spec.commandLine().getOut();
    RngDescription rng = rec.rng();
    o.println(
        "Generated "
            + rec.request().label()
            + " under policy "
            + rec.context().policy()
            + " ("
            + rec.outcome().status().value()
            + ")");
    if (!rec.outcome().reason().isEmpty()) {
      o.println("  Note:    " + rec.outcome().reason());
    }
    o.println(
        "  RNG:     "
            + rng.summary()
            + (rng.sp800_90a() ? ", SP 800-90A " + rng.mechanism() : "")
            + ", "
            + rng.strength()
            + "-bit"
            + (rng.predictionResistance() ? ", prediction resistance" : ""));
    o.println(
        "  Scope:   environment "
            + rec.context().scope().environment()
            + rec.context().scope().tenantId().map(t -> ", tenant " + t).orElse(""));
    if (rec.fingerprint() != null) {
      o.println("  Public:  SHA-256 " + rec.fingerprint());
    }
    o.println("  Stored:  " + stored);
    o.flush();
  }

  private void appendEvidence(GenerationRecord rec) {
    try {
      Files.writeString(
          evidenceLog,
          rec.toJson() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new IllegalStateException("cannot append to " + evidenceLog + ": " + e.getMessage(), e);
    }
  }
}
