package dev.keyaudit.keygen;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.time.ZonedDateTime;

/**
 * A minimal X.509 v3 self-signed certificate (RFC 5280): subject and issuer CN=alias, a random
 * serial, basicConstraints CA:FALSE, signed with the key pair's own private key. It exists because
 * a PKCS#12 private-key entry needs a certificate chain and the JDK has no public API to build one;
 * it asserts nothing about identity.
 */
final class SelfSignedCertificate {

  /** Signature algorithm for a key: JCA name, OID, and whether its AlgorithmIdentifier has NULL. */
  record SignatureAlgorithm(String jcaName, String oid, boolean nullParameters) {
    byte[] identifier() {
      return nullParameters
          ? Der.sequence(Der.oid(oid), Der.nullValue())
          : Der.sequence(Der.oid(oid));
    }
  }

  private static final String OID_COMMON_NAME = "2.5.4.3";
  private static final String OID_BASIC_CONSTRAINTS = "2.5.29.19";

  private SelfSignedCertificate() {}

  /**
   * Builds and signs the certificate.
   *
   * @throws UnsupportedOperationException for key-agreement and KEM keys (X25519, X448, ML-KEM),
   *     which cannot sign
   */
  static X509Certificate create(
      KeyPair pair,
      String commonName,
      ZonedDateTime notBefore,
      ZonedDateTime notAfter,
      SecureRandom rng)
      throws GeneralSecurityException {
    SignatureAlgorithm alg = signatureAlgorithm(pair.getPublic());
    byte[] serial = new byte[16];
    rng.nextBytes(serial);
    serial[0] &= 0x7f;
    serial[0] |= 0x40; // positive and never zero (RFC 5280 §4.1.2.2)
    byte[] name =
        Der.sequence(Der.set(Der.sequence(Der.oid(OID_COMMON_NAME), Der.utf8String(commonName))));
    byte[] basicConstraints =
        Der.sequence(
            Der.oid(OID_BASIC_CONSTRAINTS), Der.bool(true), Der.octetString(Der.sequence()));
    byte[] tbs =
        Der.sequence(
            Der.explicit(0, Der.integer(BigInteger.valueOf(2))),
            Der.integer(new BigInteger(serial)),
            alg.identifier(),
            name,
            Der.sequence(Der.time(notBefore), Der.time(notAfter)),
            name,
            pair.getPublic().getEncoded(),
            Der.explicit(3, Der.sequence(basicConstraints)));
    Signature signer = Signature.getInstance(alg.jcaName());
    signer.initSign(pair.getPrivate(), rng);
    signer.update(tbs);
    byte[] certificate = Der.sequence(tbs, alg.identifier(), Der.bitString(signer.sign()));
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate));
    cert.verify(pair.getPublic());
    return cert;
  }

  static SignatureAlgorithm signatureAlgorithm(PublicKey key) throws GeneralSecurityException {
    if (key instanceof java.security.interfaces.RSAKey) {
      return new SignatureAlgorithm("SHA384withRSA", "1.2.840.113549.1.1.12", true);
    }
    if (key instanceof ECKey ec) {
      int bits = ec.getParams().getCurve().getField().getFieldSize();
      if (bits <= 256) {
        // keyaudit:ignore KA101 -- only for P-256 keys, which the policy itself must allow first
        return new SignatureAlgorithm("SHA256withECDSA", "1.2.840.10045.4.3.2", false);
      }
      return bits <= 384
          ? new SignatureAlgorithm("SHA384withECDSA", "1.2.840.10045.4.3.3", false)
          : new SignatureAlgorithm("SHA512withECDSA", "1.2.840.10045.4.3.4", false);
    }
    if (key instanceof EdECKey ed) {
      String set = ed.getParams().getName();
      return new SignatureAlgorithm(
          set, "Ed448".equals(set) ? "1.3.101.113" : "1.3.101.112", false);
    }
    if ("ML-DSA".equals(key.getAlgorithm())) {
      String set = JcaKeyMaker.parameterSetName(key);
      String oid =
          switch (set) {
            case "ML-DSA-44" -> "2.16.840.1.101.3.4.3.17";
            case "ML-DSA-65" -> "2.16.840.1.101.3.4.3.18";
            case "ML-DSA-87" -> "2.16.840.1.101.3.4.3.19";
            default -> throw new GeneralSecurityException("unknown ML-DSA parameter set " + set);
          };
      return new SignatureAlgorithm("ML-DSA", oid, false);
    }
    throw new UnsupportedOperationException(
        key.getAlgorithm()
            + " keys cannot sign, so they cannot have the self-signed certificate a PKCS#12"
            + " private-key entry needs; write them with KeyStores.writeEncryptedPrivateKey");
  }
}
