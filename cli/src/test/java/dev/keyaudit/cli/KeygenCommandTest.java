package dev.keyaudit.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.keygen.KeyStores;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code keyaudit keygen}, run as the main command will run it. */
class KeygenCommandTest {

  private static final String PASSWORD = "cli test password";

  @TempDir Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private Path passwordFile;

  @BeforeEach
  void setUp() throws Exception {
    passwordFile = dir.resolve("password.txt");
    Files.writeString(passwordFile, PASSWORD + "\n");
  }

  /** One run with a fresh command, as picocli takes option defaults from the object it is given. */
  private int run(String... args) {
    KeygenCommand command = new KeygenCommand();
    command.environmentVariables = Map.of("KEYSTORE_PASSWORD", PASSWORD)::get;
    CommandLine cli = new CommandLine(command);
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  private static KeyStore load(Path p12) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(p12)) {
      ks.load(in, PASSWORD.toCharArray());
    }
    return ks;
  }

  @Test
  void generatesAnAesKeyUnderCnsaAndSaysWhichDrbg() throws Exception {
    Path p12 = dir.resolve("keys.p12");
    int exit =
        run(
            "--alg",
            "AES",
            "--size",
            "256",
            "--out",
            p12.toString(),
            "--alias",
            "data-key",
            "--policy",
            "cnsa-2.0",
            "--environment",
            "prod",
            "--password-env",
            "KEYSTORE_PASSWORD",
            "--kdf-iterations",
            "1000");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString())
        .contains("Generated AES-256 under policy cnsa-2.0 (acceptable)")
        .contains("RNG:     DRBG (SUN) Hash_DRBG,SHA-256,256,pr_and_reseed")
        .contains("SP 800-90A Hash_DRBG, 256-bit, prediction resistance")
        .contains("environment prod")
        .contains("alias \"data-key\"");
    byte[] key = load(p12).getKey("data-key", PASSWORD.toCharArray()).getEncoded();
    assertThat(key).hasSize(32);
    assertThat(out.toString() + err).doesNotContain(HexFormat.of().formatHex(key));
    assertThat(out.toString() + err).doesNotContain(PASSWORD);
  }

  @Test
  void aPolicyRefusalExitsWithOneAndWritesNothing() {
    Path p12 = dir.resolve("keys.p12");
    int exit =
        run(
            "--alg",
            "AES",
            "--size",
            "128",
            "--out",
            p12.toString(),
            "--alias",
            "k",
            "--policy",
            "cnsa-2.0",
            "--password-file",
            passwordFile.toString());
    assertThat(exit).isEqualTo(1);
    assertThat(err.toString()).contains("KA102").contains("AES key size in [256]");
    assertThat(p12).doesNotExist();
  }

  @Test
  void keyPairsGoToPkcs12WithACertificateOrToEncryptedPkcs8() throws Exception {
    Path p12 = dir.resolve("signing.p12");
    assertThat(
            run(
                "--alg",
                "EC",
                "--curve",
                "P-384",
                "--out",
                p12.toString(),
                "--alias",
                "signer",
                "--password-file",
                passwordFile.toString(),
                "--kdf-iterations",
                "1000"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString())
        .contains("Generated EC secp384r1 under policy nist-800-131a")
        .contains("Public:  SHA-256 ")
        .contains("self-signed SHA384withECDSA certificate CN=signer");
    assertThat(load(p12).getCertificate("signer")).isNotNull();

    Path pem = dir.resolve("ed.pem");
    Path pub = dir.resolve("ed.pub.pem");
    assertThat(
            run(
                "--alg",
                "Ed25519",
                "--out",
                pem.toString(),
                "--public-out",
                pub.toString(),
                "--password-file",
                passwordFile.toString(),
                "--kdf-iterations",
                "1000"))
        .as(err.toString())
        .isZero();
    assertThat(KeyStores.readEncryptedPrivateKey(pem, PASSWORD.toCharArray(), "Ed25519"))
        .isNotNull();
    assertThat(Files.readString(pub)).startsWith("-----BEGIN PUBLIC KEY-----");
  }

  @Test
  void usageErrorsExitWithTwo() {
    Path p12 = dir.resolve("k.p12");
    String pw = passwordFile.toString();
    assertThat(run("--alg", "AES", "--out", p12.toString(), "--alias", "k", "--password-file", pw))
        .isEqualTo(2);
    assertThat(err.toString()).contains("needs --size");
    assertThat(run("--alg", "DES", "--size", "56", "--out", p12.toString(), "--alias", "k"))
        .isEqualTo(2);
    assertThat(run("--alg", "AES", "--size", "256", "--out", p12.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("needs --alias");
    assertThat(run("--alg", "AES", "--size", "256", "--out", dir.resolve("k.txt").toString()))
        .isEqualTo(2);
    assertThat(
            run(
                "--alg",
                "AES",
                "--size",
                "256",
                "--out",
                p12.toString(),
                "--alias",
                "k",
                "--policy",
                "pci-dss",
                "--password-file",
                pw))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown policy 'pci-dss'");
    // picocli's own usage errors: no --alg, both password sources.
    assertThat(run("--out", p12.toString())).isEqualTo(2);
    assertThat(
            run(
                "--alg",
                "AES",
                "--size",
                "256",
                "--out",
                p12.toString(),
                "--alias",
                "k",
                "--password-file",
                pw,
                "--password-env",
                "KEYSTORE_PASSWORD"))
        .isEqualTo(2);
    assertThat(p12).doesNotExist();
  }

  @Test
  void thePasswordIsNeverAnOptionValue() {
    assertThat(
            run(
                "--alg",
                "AES",
                "--size",
                "256",
                "--out",
                dir.resolve("k.p12").toString(),
                "--alias",
                "k",
                "--password",
                PASSWORD))
        .isEqualTo(2);
    assertThat(err.toString()).contains("Unknown option");
  }

  @Test
  void withoutAConsoleOrAPasswordSourceItStops() {
    // Surefire runs without a terminal, so System.console() is null here.
    assertThat(
            run(
                "--alg",
                "AES",
                "--size",
                "256",
                "--out",
                dir.resolve("k.p12").toString(),
                "--alias",
                "k"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--password-env VAR or --password-file FILE");
  }

  @Test
  void anUnsetPasswordVariableAndAnExistingAliasAreErrors() {
    Path p12 = dir.resolve("k.p12");
    assertThat(
            run(
                "--alg",
                "AES",
                "--size",
                "256",
                "--out",
                p12.toString(),
                "--alias",
                "k",
                "--password-env",
                "NOT_SET"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("NOT_SET is not set");
    String[] args = {
      "--alg",
      "AES",
      "--size",
      "256",
      "--out",
      p12.toString(),
      "--alias",
      "k",
      "--password-file",
      passwordFile.toString(),
      "--kdf-iterations",
      "1000"
    };
    assertThat(run(args)).isZero();
    assertThat(run(args)).isEqualTo(2);
    assertThat(err.toString()).contains("alias 'k' already exists");
  }

  @Test
  void theEvidenceLogGetsOneJsonLinePerAttempt() throws Exception {
    Path log = dir.resolve("evidence.jsonl");
    String[] base = {
      "--out",
      dir.resolve("k.p12").toString(),
      "--alias",
      "k",
      "--tenant",
      "acme",
      "--password-file",
      passwordFile.toString(),
      "--kdf-iterations",
      "1000",
      "--evidence-log",
      log.toString(),
      "--alg"
    };
    String[] ok = concat(base, "HmacSHA384", "--size", "384");
    String[] refused = concat(base, "HmacSHA1", "--size", "160");
    assertThat(run(ok)).isZero();
    assertThat(run(refused)).isEqualTo(1);
    var lines = Files.readAllLines(log);
    assertThat(lines).hasSize(2);
    assertThat(lines.get(0))
        .contains("\"event.outcome\":\"success\"")
        .contains("\"crypto.algorithm\":\"HmacSHA384\"")
        .contains("\"organization.id\":\"acme\"")
        .contains("\"service.name\":\"keyaudit-cli\"");
    assertThat(lines.get(1))
        .contains("\"event.outcome\":\"failure\"")
        .contains("\"keyaudit.rule\":\"KA101\"");
  }

  @Test
  @EnabledForJreRange(max = JRE.JAVA_23)
  void postQuantumKeysNeedJdk24() {
    assertThat(
            run(
                "--alg",
                "ML-KEM",
                "--size",
                "1024",
                "--out",
                dir.resolve("kem.pem").toString(),
                "--password-file",
                passwordFile.toString()))
        .isEqualTo(2);
    assertThat(err.toString()).contains("needs JDK 24 or later");
  }

  @Test
  @EnabledForJreRange(min = JRE.JAVA_24)
  void postQuantumKeysOnJdk24() throws Exception {
    Path pem = dir.resolve("kem.pem");
    assertThat(
            run(
                "--alg",
                "ML-KEM",
                "--size",
                "1024",
                "--out",
                pem.toString(),
                "--policy",
                "cnsa-2.0",
                "--password-file",
                passwordFile.toString(),
                "--kdf-iterations",
                "1000"))
        .as(err.toString())
        .isZero();
    assertThat(out.toString()).contains("Generated ML-KEM-1024 under policy cnsa-2.0");
    assertThat(KeyStores.readEncryptedPrivateKey(pem, PASSWORD.toCharArray(), "ML-KEM"))
        .isNotNull();
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
