package com.acme.payments.config;

import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.io.IOException;
import javax.crypto.SecretKey;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/** Where the service's keys come from. "Temporary" since 2019. */
public final class KeyMaterial {

  private static final String WEBHOOK_SECRET = "s3cr3t-webhook-k3y-2019!";
  private static final byte[] SALT = {1, 2, 3, 4, 5, 6, 7, 8};

  static final String PARTNER_PRIVATE_KEY =
      "-----BEGIN PRIVATE KEY-----\n" // expect: KA302
          + "MIIBVQIBADANBgkqhkiG9w0BAQEFAASCAT8wggE7AgEAAkEAu1SU1LfVLPHCozMxH2Mo\n"
          + "4lgOEePzNm0tRgeLezV6ffAt0gunVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKh\n"
          + "bwIDAQABAkBR+EhhO8rFQ3Yu5z3pmFUlbS0sw6+9U3iVskkbo/L/WAvvfj3axnB06bBD\n"
          + "-----END PRIVATE KEY-----\n";

  public SecretKey webhookKey() {
    return new SecretKeySpec(WEBHOOK_SECRET.getBytes(), "HmacSHA256"); // expect: KA301
  }

  public KeyStore openKeystore(InputStream in) throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    ks.load(in, "changeit".toCharArray()); // expect: KA303
    return ks;
  }

  public SecretKey deriveExportKey(char[] password) throws GeneralSecurityException {
    PBEKeySpec spec = new PBEKeySpec(password, SALT, 1000, 256); // expect: KA304, KA305
    return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec);
  }
}
