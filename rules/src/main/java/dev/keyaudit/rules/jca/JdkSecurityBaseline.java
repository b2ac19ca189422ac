package dev.keyaudit.rules.jca;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The algorithm-constraint properties of the JDK's own {@code java.security} (OpenJDK 17), the
 * baseline an override file is compared with: any constraint an override drops is re-enabled.
 */
public final class JdkSecurityBaseline {

  private static final Map<String, List<String>> JDK17 =
      Map.of(
          "jdk.certpath.disabledAlgorithms",
          List.of(
              "MD2",
              "MD5",
              "SHA1 jdkCA & usage TLSServer",
              "RSA keySize < 1024",
              "DSA keySize < 1024",
              "EC keySize < 224",
              "SHA1 usage SignedJAR & denyAfter 2019-01-01"),
          "jdk.jar.disabledAlgorithms",
          List.of(
              "MD2",
              "MD5",
              "RSA keySize < 1024",
              "DSA keySize < 1024",
              "SHA1 denyAfter 2019-01-01"),
          "jdk.tls.disabledAlgorithms",
          List.of(
              "SSLv3",
              "TLSv1",
              "TLSv1.1",
              "DTLSv1.0",
              "RC4",
              "DES",
              "MD5withRSA",
              "DH keySize < 1024",
              "EC keySize < 224",
              "3DES_EDE_CBC",
              "anon",
              "NULL",
              "ECDH"),
          "jdk.security.legacyAlgorithms",
          List.of("SHA1", "RSA keySize < 2048", "DSA keySize < 2048"));

  private JdkSecurityBaseline() {}

  /** The JDK's constraints for {@code property}, when it is one of the algorithm constraints. */
  public static Optional<List<String>> constraints(String property) {
    return Optional.ofNullable(JDK17.get(property));
  }

  /** Compares constraints ignoring case and spacing ("RSA keySize<1024" = "RSA keySize < 1024"). */
  public static String normalize(String constraint) {
    return constraint.replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
  }
}
