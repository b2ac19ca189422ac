package dev.keyaudit.keygen;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * Writes keys to disk protected by a password: secret keys and signing key pairs into PKCS#12
 * keystores, any private key as a PBES2-encrypted PKCS#8 PEM file. Protection is PBES2 with
 * PBKDF2-HMAC-SHA256 and AES-256-CBC, the iteration count of the {@link CompliantKeys} it came
 * from, and salt and IV from that instance's DRBG. Passwords are {@code char[]}, never strings:
 * read them with {@link Passwords}.
 */
public final class KeyStores {

  /** PBES2 scheme protecting keystore entries and PKCS#8 files. */
  public static final String PROTECTION = "PBEWithHmacSHA512AndAES_256";

  /** Validity of the self-signed certificate of a key-pair entry. */
  public static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(365);

  private static final String PBES2_OID = "1.2.840.113549.1.5.13";
  private static final String PEM_ENCRYPTED = "ENCRYPTED PRIVATE KEY";

  private final CompliantKeys keys;

  KeyStores(CompliantKeys keys) {
    this.keys = keys;
  }

  /**
   * Adds {@code key} under {@code alias} to the PKCS#12 keystore {@code file}, creating the file if
   * it does not exist. An existing alias is never overwritten.
   */
  public void storeSecretKey(Path file, String alias, SecretKey key, char[] password)
      throws IOException, GeneralSecurityException {
    store(file, alias, new KeyStore.SecretKeyEntry(key), password);
  }

  /**
   * Adds a signing key pair under {@code alias}, with a self-signed certificate (CN=alias, valid
   * {@link #CERTIFICATE_VALIDITY}) signed by the pair itself, since a PKCS#12 private-key entry
   * needs a certificate chain.
   *
   * @return the certificate stored with the key
   * @throws UnsupportedOperationException for X25519/X448/ML-KEM pairs, which cannot sign: use
   *     {@link #writeEncryptedPrivateKey}
   */
  public X509Certificate storeKeyPair(Path file, String alias, KeyPair pair, char[] password)
      throws IOException, GeneralSecurityException {
    ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
    X509Certificate cert =
        SelfSignedCertificate.create(
            pair, alias, now, now.plus(CERTIFICATE_VALIDITY), protectionRandom());
    store(
        file,
        alias,
        new KeyStore.PrivateKeyEntry(pair.getPrivate(), new Certificate[] {cert}),
        password);
    return cert;
  }

  private void store(Path file, String alias, KeyStore.Entry entry, char[] password)
      throws IOException, GeneralSecurityException {
    requirePassword(password);
    KeyStore ks = KeyStore.getInstance("PKCS12");
    if (Files.exists(file)) {
      try (InputStream in = Files.newInputStream(file)) {
        ks.load(in, password);
      }
    } else {
      ks.load(null, null);
    }
    if (ks.containsAlias(alias)) {
      throw new KeyStoreException("alias '" + alias + "' already exists in " + file);
    }
    ks.setEntry(alias, entry, new KeyStore.PasswordProtection(password, PROTECTION, pbes2()));
    writeAtomically(
        file,
        out -> {
          try {
            ks.store(out, password);
          } catch (GeneralSecurityException e) {
            throw new IOException("cannot write keystore " + file, e);
          }
        });
  }

  /**
   * Writes {@code key} as a PEM "ENCRYPTED PRIVATE KEY" (PKCS#8 EncryptedPrivateKeyInfo, PBES2),
   * readable by {@link #readEncryptedPrivateKey} and by OpenSSL. Refuses to overwrite a file.
   */
  public void writeEncryptedPrivateKey(Path file, PrivateKey key, char[] password)
      throws IOException, GeneralSecurityException {
    requirePassword(password);
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    SecretKeyFactory factory = SecretKeyFactory.getInstance(PROTECTION);
    PBEKeySpec spec = new PBEKeySpec(password);
    byte[] plain = key.getEncoded();
    byte[] encrypted;
    AlgorithmParameters params;
    try {
      Cipher cipher = Cipher.getInstance(PROTECTION);
      cipher.init(Cipher.ENCRYPT_MODE, factory.generateSecret(spec), pbes2(), protectionRandom());
      encrypted = cipher.doFinal(plain);
      params = cipher.getParameters();
    } finally {
      spec.clearPassword();
      Arrays.fill(plain, (byte) 0);
    }
    // EncryptedPrivateKeyInfo(AlgorithmParameters, byte[]) rejects PBES2 names on JDK 17 and 25,
    // so the two-field structure is encoded here around the provider's PBES2-params.
    byte[] info =
        Der.sequence(
            Der.sequence(Der.oid(PBES2_OID), params.getEncoded()), Der.octetString(encrypted));
    writeAtomically(file, out -> out.write(pem(PEM_ENCRYPTED, info)));
  }

  /**
   * Reads a file written by {@link #writeEncryptedPrivateKey}.
   *
   * @param keyAlgorithm KeyFactory algorithm: "RSA", "EC", "Ed25519", "X25519", "ML-KEM"...
   */
  public static PrivateKey readEncryptedPrivateKey(Path file, char[] password, String keyAlgorithm)
      throws IOException, GeneralSecurityException {
    if (password == null || password.length == 0) {
      throw new IllegalArgumentException("empty password");
    }
    byte[] der = unpem(PEM_ENCRYPTED, Files.readString(file, StandardCharsets.US_ASCII));
    EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
    AlgorithmParameters params = info.getAlgParameters();
    // For PBES2 the parameters' toString() is the full scheme name, e.g.
    // PBEWithHmacSHA512AndAES_256.
    String scheme = params.toString();
    PBEKeySpec spec = new PBEKeySpec(password);
    try {
      Cipher cipher = Cipher.getInstance(scheme);
      cipher.init(
          Cipher.DECRYPT_MODE, SecretKeyFactory.getInstance(scheme).generateSecret(spec), params);
      return KeyFactory.getInstance(keyAlgorithm).generatePrivate(info.getKeySpec(cipher));
    } finally {
      spec.clearPassword();
    }
  }

  /**
   * Writes {@code key} as a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo). Refuses to overwrite.
   */
  public static void writePublicKey(Path file, PublicKey key) throws IOException {
    if (Files.exists(file)) {
      throw new FileAlreadyExistsException(file.toString());
    }
    writeAtomically(file, out -> out.write(pem("PUBLIC KEY", key.getEncoded())));
  }

  /** PBES2 parameters: a fresh salt and IV from the DRBG, the configured iteration count. */
  private PBEParameterSpec pbes2() {
    SecureRandom rng = protectionRandom();
    byte[] salt = new byte[CompliantKeys.SALT_BYTES];
    byte[] iv = new byte[16];
    rng.nextBytes(salt);
    rng.nextBytes(iv);
    return new PBEParameterSpec(salt, keys.kdfIterations(), new IvParameterSpec(iv));
  }

  // Protection keys are AES-256, so the salt, IV and serial come from a 256-bit DRBG.
  private SecureRandom protectionRandom() {
    return keys.drbg(256).random();
  }

  private void requirePassword(char[] password) {
    if (password == null || password.length == 0) {
      throw new PolicyViolationException(
          RuleId.KA303,
          keys.policy().id(),
          "an empty key password",
          "a non-empty password from the console, an environment variable or a file (CEK-10)");
    }
  }

  @FunctionalInterface
  private interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Writes to an owner-only temporary file next to {@code file}, then renames it into place. */
  private static void writeAtomically(Path file, Writer writer) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, ".keyaudit-", ".tmp");
    try {
      if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      }
      try (OutputStream out = Files.newOutputStream(tmp)) {
        writer.write(out);
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  static byte[] pem(String type, byte[] der) {
    String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
    return ("-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] unpem(String type, String text) throws IOException {
    String begin = "-----BEGIN " + type + "-----";
    String end = "-----END " + type + "-----";
    int from = text.indexOf(begin);
    int to = text.indexOf(end);
    if (from < 0 || to < from) {
      throw new IOException("not a PEM " + type);
    }
    return Base64.getMimeDecoder().decode(text.substring(from + begin.length(), to));
  }
}
