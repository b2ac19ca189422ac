package dev.keyaudit.keygen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Set;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys written to PKCS#12 and encrypted PKCS#8 come back intact and only with the password. */
class KeyStoresTest {

  @TempDir Path dir;

  private final CompliantKeys keys =
      CompliantKeys.forPolicy("nist-800-131a").withEnvironment("test").withKdfIterations(10_000);

  private static char[] password() {
    return "keystore password for tests".toCharArray();
  }

  private static KeyStore load(Path file, char[] password) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password);
    }
    return ks;
  }

  @Test
  void secretKeysRoundTripThroughPkcs12() throws Exception {
    Path p12 = dir.resolve("keys.p12");
    SecretKey aes = keys.aes(256);
    SecretKey hmac = keys.hmac("HmacSHA384", 384);
    keys.keyStores().storeSecretKey(p12, "data-key", aes, password());
    keys.keyStores().storeSecretKey(p12, "mac-key", hmac, password());

    KeyStore ks = load(p12, password());
    assertThat(java.util.Collections.list(ks.aliases()))
        .containsExactlyInAnyOrder("data-key", "mac-key");
    assertThat(ks.getKey("data-key", password()).getEncoded()).isEqualTo(aes.getEncoded());
    assertThat(ks.getKey("mac-key", password()).getEncoded()).isEqualTo(hmac.getEncoded());
    assertThatThrownBy(() -> ks.getKey("data-key", "wrong".toCharArray())).isNotNull();
    if (Files.getFileStore(p12).supportsFileAttributeView("posix")) {
      assertThat(Files.getPosixFilePermissions(p12))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }
  }

  @Test
  void anExistingAliasIsNeverOverwritten() throws Exception {
    Path p12 = dir.resolve("keys.p12");
    SecretKey first = keys.aes(128);
    keys.keyStores().storeSecretKey(p12, "k", first, password());
    assertThatThrownBy(() -> keys.keyStores().storeSecretKey(p12, "k", keys.aes(128), password()))
        .isInstanceOf(KeyStoreException.class)
        .hasMessageContaining("already exists");
    assertThat(load(p12, password()).getKey("k", password()).getEncoded())
        .isEqualTo(first.getEncoded());
  }

  @Test
  void emptyPasswordsAreRefused() {
    assertThatThrownBy(
            () ->
                keys.keyStores()
                    .storeSecretKey(dir.resolve("x.p12"), "k", keys.aes(128), new char[0]))
        .isInstanceOfSatisfying(
            PolicyViolationException.class, e -> assertThat(e.rule()).isEqualTo(RuleId.KA303));
    assertThat(dir.resolve("x.p12")).doesNotExist();
  }

  @Test
  void signingKeyPairsAreStoredWithAVerifiableSelfSignedCertificate() throws Exception {
    Path p12 = dir.resolve("pairs.p12");
    for (String alias : new String[] {"rsa", "ec", "ed25519", "ed448"}) {
      KeyPair kp =
          switch (alias) {
            case "rsa" -> keys.rsa(2048);
            case "ec" -> keys.ec("secp384r1");
            case "ed25519" -> keys.ed25519();
            default -> keys.ed448();
          };
      X509Certificate cert = keys.keyStores().storeKeyPair(p12, alias, kp, password());
      assertThat(cert.getSubjectX500Principal().getName()).isEqualTo("CN=" + alias);
      assertThat(cert.getIssuerX500Principal()).isEqualTo(cert.getSubjectX500Principal());
      assertThat(cert.getVersion()).isEqualTo(3);
      assertThat(cert.getBasicConstraints()).isEqualTo(-1);
      assertThat(cert.getSerialNumber().signum()).isPositive();
      cert.checkValidity();
      cert.verify(kp.getPublic());

      KeyStore ks = load(p12, password());
      PrivateKey stored = (PrivateKey) ks.getKey(alias, password());
      assertThat(stored.getEncoded()).isEqualTo(kp.getPrivate().getEncoded());
      assertThat(ks.getCertificate(alias).getPublicKey().getEncoded())
          .isEqualTo(kp.getPublic().getEncoded());
      // The stored key still signs what the certificate's key verifies.
      Signature s = Signature.getInstance(cert.getSigAlgName());
      s.initSign(stored);
      s.update(new byte[] {1, 2, 3});
      byte[] sig = s.sign();
      s.initVerify(cert);
      s.update(new byte[] {1, 2, 3});
      assertThat(s.verify(sig)).isTrue();
    }
    assertThat(load(p12, password()).size()).isEqualTo(4);
  }

  @Test
  void keyAgreementPairsCannotBeCertifiedAndGoToEncryptedPkcs8() throws Exception {
    // No built-in policy generates X25519 (the scanner's do not approve it), so the pair comes
    // straight from the JDK: what is tested here is the keystore helper.
    KeyPair x = java.security.KeyPairGenerator.getInstance("X25519").generateKeyPair();
    assertThatThrownBy(
            () -> keys.keyStores().storeKeyPair(dir.resolve("x.p12"), "x", x, password()))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("writeEncryptedPrivateKey");

    Path pem = dir.resolve("x25519.key.pem");
    keys.keyStores().writeEncryptedPrivateKey(pem, x.getPrivate(), password());
    String text = Files.readString(pem);
    assertThat(text).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n");
    PrivateKey back = KeyStores.readEncryptedPrivateKey(pem, password(), "X25519");
    assertThat(back.getEncoded()).isEqualTo(x.getPrivate().getEncoded());
    assertThatThrownBy(
            () -> KeyStores.readEncryptedPrivateKey(pem, "wrong".toCharArray(), "X25519"))
        .isInstanceOf(java.security.GeneralSecurityException.class);
    assertThatThrownBy(
            () -> keys.keyStores().writeEncryptedPrivateKey(pem, x.getPrivate(), password()))
        .isInstanceOf(FileAlreadyExistsException.class);
  }

  @Test
  void encryptedPkcs8UsesPbes2WithTheConfiguredIterations() throws Exception {
    Path pem = dir.resolve("ec.key.pem");
    KeyPair ec = keys.ec("secp256r1");
    keys.keyStores().writeEncryptedPrivateKey(pem, ec.getPrivate(), password());
    byte[] der = KeyStores.unpem("ENCRYPTED PRIVATE KEY", Files.readString(pem));
    javax.crypto.EncryptedPrivateKeyInfo info = new javax.crypto.EncryptedPrivateKeyInfo(der);
    assertThat(info.getAlgParameters().getAlgorithm()).isEqualTo("PBES2");
    assertThat(info.getAlgParameters().toString()).isEqualTo(KeyStores.PROTECTION);
    javax.crypto.spec.PBEParameterSpec spec =
        info.getAlgParameters().getParameterSpec(javax.crypto.spec.PBEParameterSpec.class);
    assertThat(spec.getIterationCount()).isEqualTo(10_000);
    assertThat(spec.getSalt()).hasSize(CompliantKeys.SALT_BYTES);
    assertThat(KeyStores.readEncryptedPrivateKey(pem, password(), "EC").getEncoded())
        .isEqualTo(ec.getPrivate().getEncoded());
  }

  @Test
  void publicKeysAreWrittenAsPem() throws Exception {
    KeyPair kp = keys.ed25519();
    Path pub = dir.resolve("ed.pub.pem");
    KeyStores.writePublicKey(pub, kp.getPublic());
    assertThat(KeyStores.unpem("PUBLIC KEY", Files.readString(pub)))
        .isEqualTo(kp.getPublic().getEncoded());
  }

  @Test
  void opensslReadsTheEncryptedPkcs8() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        Files.isExecutable(Path.of("/usr/bin/openssl")), "openssl not installed");
    Path pem = dir.resolve("rsa.key.pem");
    Path passFile = dir.resolve("pass.txt");
    Files.writeString(passFile, new String(password()));
    KeyPair rsa = keys.rsa(2048);
    keys.keyStores().writeEncryptedPrivateKey(pem, rsa.getPrivate(), password());
    Process p =
        new ProcessBuilder(
                "/usr/bin/openssl",
                "pkcs8",
                "-topk8",
                "-nocrypt",
                "-in",
                pem.toString(),
                "-passin",
                "file:" + passFile,
                "-outform",
                "DER")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor()).isZero();
    assertThat(java.util.Arrays.equals(out, rsa.getPrivate().getEncoded()))
        .as("openssl decrypted the same PKCS#8 key")
        .isTrue();
  }
}
