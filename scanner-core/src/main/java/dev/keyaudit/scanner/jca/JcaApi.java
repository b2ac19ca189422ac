package dev.keyaudit.scanner.jca;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fully qualified names of the JDK (and commons-lang) types the source frontend understands.
 * Only these types ever produce facts; a class of the same simple name elsewhere is a lookalike.
 */
public final class JcaApi {

  public static final String KEY_GENERATOR = "javax.crypto.KeyGenerator";
  public static final String KEY_PAIR_GENERATOR = "java.security.KeyPairGenerator";
  public static final String SECURE_RANDOM = "java.security.SecureRandom";
  public static final String DRBG_PARAMETERS = "java.security.DrbgParameters";
  public static final String DRBG_CAPABILITY = "java.security.DrbgParameters.Capability";
  public static final String KEY_STORE = "java.security.KeyStore";
  public static final String PASSWORD_PROTECTION = "java.security.KeyStore.PasswordProtection";
  public static final String KEY_MANAGER_FACTORY = "javax.net.ssl.KeyManagerFactory";

  public static final String CIPHER = "javax.crypto.Cipher";
  public static final String MAC = "javax.crypto.Mac";
  public static final String SECRET_KEY_FACTORY = "javax.crypto.SecretKeyFactory";
  public static final String KEY_AGREEMENT = "javax.crypto.KeyAgreement";
  public static final String SIGNATURE = "java.security.Signature";
  public static final String MESSAGE_DIGEST = "java.security.MessageDigest";
  public static final String KEY_FACTORY = "java.security.KeyFactory";

  public static final String SECRET_KEY_SPEC = "javax.crypto.spec.SecretKeySpec";
  public static final String DES_KEY_SPEC = "javax.crypto.spec.DESKeySpec";
  public static final String DESEDE_KEY_SPEC = "javax.crypto.spec.DESedeKeySpec";
  public static final String PBE_KEY_SPEC = "javax.crypto.spec.PBEKeySpec";
  public static final String PBE_PARAMETER_SPEC = "javax.crypto.spec.PBEParameterSpec";
  public static final String IV_PARAMETER_SPEC = "javax.crypto.spec.IvParameterSpec";
  public static final String GCM_PARAMETER_SPEC = "javax.crypto.spec.GCMParameterSpec";
  public static final String CHACHA20_PARAMETER_SPEC = "javax.crypto.spec.ChaCha20ParameterSpec";
  public static final String DH_PARAMETER_SPEC = "javax.crypto.spec.DHParameterSpec";
  public static final String DH_GEN_PARAMETER_SPEC = "javax.crypto.spec.DHGenParameterSpec";

  public static final String PKCS8_KEY_SPEC = "java.security.spec.PKCS8EncodedKeySpec";
  public static final String X509_KEY_SPEC = "java.security.spec.X509EncodedKeySpec";
  public static final String RSA_PRIVATE_KEY_SPEC = "java.security.spec.RSAPrivateKeySpec";
  public static final String RSA_PRIVATE_CRT_KEY_SPEC = "java.security.spec.RSAPrivateCrtKeySpec";
  public static final String RSA_PUBLIC_KEY_SPEC = "java.security.spec.RSAPublicKeySpec";
  public static final String EC_PRIVATE_KEY_SPEC = "java.security.spec.ECPrivateKeySpec";
  public static final String EC_GEN_PARAMETER_SPEC = "java.security.spec.ECGenParameterSpec";
  public static final String RSA_KEY_GEN_PARAMETER_SPEC =
      "java.security.spec.RSAKeyGenParameterSpec";
  public static final String NAMED_PARAMETER_SPEC = "java.security.spec.NamedParameterSpec";
  public static final String DSA_PARAMETER_SPEC = "java.security.spec.DSAParameterSpec";

  public static final String RANDOM = "java.util.Random";
  public static final String SPLITTABLE_RANDOM = "java.util.SplittableRandom";
  public static final String THREAD_LOCAL_RANDOM = "java.util.concurrent.ThreadLocalRandom";
  public static final String MATH = "java.lang.Math";
  public static final String STRICT_MATH = "java.lang.StrictMath";
  public static final String LANG3_RANDOM_STRING_UTILS =
      "org.apache.commons.lang3.RandomStringUtils";
  public static final String LANG3_RANDOM_UTILS = "org.apache.commons.lang3.RandomUtils";
  public static final String LANG_RANDOM_STRING_UTILS = "org.apache.commons.lang.RandomStringUtils";
  public static final String LANG_RANDOM_UTILS = "org.apache.commons.lang.RandomUtils";

  public static final String STRING = "java.lang.String";
  public static final String SYSTEM = "java.lang.System";
  public static final String LONG = "java.lang.Long";
  public static final String INTEGER = "java.lang.Integer";
  public static final String BIG_INTEGER = "java.math.BigInteger";
  public static final String BASE64 = "java.util.Base64";
  public static final String BASE64_DECODER = "java.util.Base64.Decoder";
  public static final String HEX_FORMAT = "java.util.HexFormat";
  public static final String DATE = "java.util.Date";
  public static final String INSTANT = "java.time.Instant";
  public static final String CALENDAR = "java.util.Calendar";
  public static final String STANDARD_CHARSETS = "java.nio.charset.StandardCharsets";

  /** Algorithm-taking engines whose {@code getInstance} is an {@code AlgorithmUse}. */
  public static final Set<String> ALGORITHM_ENGINES =
      Set.of(
          CIPHER, MAC, SECRET_KEY_FACTORY, KEY_AGREEMENT, SIGNATURE, MESSAGE_DIGEST, KEY_FACTORY);

  /** Every type above, by fully qualified name. */
  public static final Set<String> ALL =
      Set.of(
          KEY_GENERATOR,
          KEY_PAIR_GENERATOR,
          SECURE_RANDOM,
          DRBG_PARAMETERS,
          DRBG_CAPABILITY,
          KEY_STORE,
          PASSWORD_PROTECTION,
          KEY_MANAGER_FACTORY,
          CIPHER,
          MAC,
          SECRET_KEY_FACTORY,
          KEY_AGREEMENT,
          SIGNATURE,
          MESSAGE_DIGEST,
          KEY_FACTORY,
          SECRET_KEY_SPEC,
          DES_KEY_SPEC,
          DESEDE_KEY_SPEC,
          PBE_KEY_SPEC,
          PBE_PARAMETER_SPEC,
          IV_PARAMETER_SPEC,
          GCM_PARAMETER_SPEC,
          CHACHA20_PARAMETER_SPEC,
          DH_PARAMETER_SPEC,
          DH_GEN_PARAMETER_SPEC,
          PKCS8_KEY_SPEC,
          X509_KEY_SPEC,
          RSA_PRIVATE_KEY_SPEC,
          RSA_PRIVATE_CRT_KEY_SPEC,
          RSA_PUBLIC_KEY_SPEC,
          EC_PRIVATE_KEY_SPEC,
          EC_GEN_PARAMETER_SPEC,
          RSA_KEY_GEN_PARAMETER_SPEC,
          NAMED_PARAMETER_SPEC,
          DSA_PARAMETER_SPEC,
          RANDOM,
          SPLITTABLE_RANDOM,
          THREAD_LOCAL_RANDOM,
          MATH,
          STRICT_MATH,
          LANG3_RANDOM_STRING_UTILS,
          LANG3_RANDOM_UTILS,
          LANG_RANDOM_STRING_UTILS,
          LANG_RANDOM_UTILS,
          STRING,
          SYSTEM,
          LONG,
          INTEGER,
          BIG_INTEGER,
          BASE64,
          BASE64_DECODER,
          HEX_FORMAT,
          DATE,
          INSTANT,
          CALENDAR,
          STANDARD_CHARSETS);

  /** Implicitly imported ({@code java.lang}); a same-package class of that name shadows them. */
  public static final Set<String> JAVA_LANG =
      Set.of(MATH, STRICT_MATH, STRING, SYSTEM, LONG, INTEGER);

  /** Simple name (for nested types: the last segment) to fully qualified names. */
  public static final Map<String, Set<String>> BY_SIMPLE_NAME =
      ALL.stream()
          .collect(Collectors.groupingBy(JcaApi::simpleName, Collectors.toUnmodifiableSet()));

  /** Simple names whose mention in a file makes it worth parsing (the types of interest). */
  public static final Set<String> TRIGGER_NAMES =
      ALL.stream()
          .filter(
              n ->
                  !JAVA_LANG.contains(n)
                      && !n.equals(BIG_INTEGER)
                      && !n.equals(BASE64)
                      && !n.equals(BASE64_DECODER)
                      && !n.equals(HEX_FORMAT)
                      && !n.equals(DATE)
                      && !n.equals(INSTANT)
                      && !n.equals(CALENDAR)
                      && !n.equals(STANDARD_CHARSETS))
          .map(JcaApi::simpleName)
          .collect(Collectors.toUnmodifiableSet());

  private JcaApi() {}

  public static String simpleName(String fqn) {
    return fqn.substring(fqn.lastIndexOf('.') + 1);
  }

  public static boolean isNonCryptoRandomUtility(String fqn) {
    return fqn.equals(LANG3_RANDOM_STRING_UTILS)
        || fqn.equals(LANG3_RANDOM_UTILS)
        || fqn.equals(LANG_RANDOM_STRING_UTILS)
        || fqn.equals(LANG_RANDOM_UTILS);
  }
}
