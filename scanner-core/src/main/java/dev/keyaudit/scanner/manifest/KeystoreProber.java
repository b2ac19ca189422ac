package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import java.io.ByteArrayInputStream;
import java.security.Key;
import java.security.KeyStore;
import java.security.interfaces.DSAKey;
import java.security.interfaces.ECKey;
import java.security.interfaces.RSAKey;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * Opens binary keystores found in the repository (JKS, JCEKS, PKCS#12, recognised by their first
 * bytes whatever the file is called) and reports their private and secret key entries. It tries a
 * short list of well-known default passwords and the passwords found in the same scan's
 * configuration, offline and bounded; the report says how it opened the store, never with which
 * password.
 */
final class KeystoreProber {

  static final List<String> DEFAULT_PASSWORDS =
      List.of("changeit", "changeme", "password", "secret", "keystore", "123456", "storepass", "");
  private static final int MAX_CANDIDATES = 40;

  private KeystoreProber() {}

  /** The keystore type by magic bytes, or empty for anything else. */
  static Optional<String> type(byte[] bytes) {
    if (bytes.length >= 4) {
      int magic =
          ((bytes[0] & 0xff) << 24)
              | ((bytes[1] & 0xff) << 16)
              | ((bytes[2] & 0xff) << 8)
              | (bytes[3] & 0xff);
      if (magic == 0xFEEDFEED) {
        return Optional.of("JKS");
      }
      if (magic == 0xCECECECE) {
        return Optional.of("JCEKS");
      }
      // PKCS#12: a DER SEQUENCE whose first element is INTEGER 3 (the PFX version).
      if ((bytes[0] & 0xff) == 0x30 && looksLikePfx(bytes)) {
        return Optional.of("PKCS12");
      }
    }
    return Optional.empty();
  }

  private static boolean looksLikePfx(byte[] b) {
    try {
      Der.Element pfx = Der.read(b);
      List<Der.Element> f = pfx.children();
      return f.size() >= 2 && f.get(0).tag() == Der.INTEGER && f.get(0).integer().intValue() == 3;
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      return false;
    }
  }

  static void probe(String type, byte[] bytes, FileFacts facts, List<String> repoPasswords) {
    Location location = Location.line(facts.path(), 0);
    Set<String> candidates = new LinkedHashSet<>(DEFAULT_PASSWORDS);
    List<String> fromRepo;
    synchronized (repoPasswords) {
      fromRepo = new ArrayList<>(repoPasswords);
    }
    Collections.reverse(fromRepo);
    for (String p : fromRepo) {
      if (candidates.size() >= MAX_CANDIDATES) {
        break;
      }
      candidates.add(p);
    }
    for (String password : candidates) {
      KeyStore store = load(type, bytes, password.toCharArray());
      if (store != null) {
        String how =
            DEFAULT_PASSWORDS.contains(password)
                ? "a well-known default password"
                : "a password found in this repository's configuration";
        report(store, type, password.toCharArray(), how, facts, location, bytes);
        return;
      }
    }
    // Not opened: JKS and JCEKS still list their entries without a password.
    KeyStore unchecked = "PKCS12".equals(type) ? null : load(type, bytes, null);
    if (unchecked != null) {
      report(unchecked, type, null, null, facts, location, bytes);
    } else {
      facts.keyMaterial(
          location,
          type + " keystore (password unknown, entries not readable)",
          new ParsedKey("unknown", 0, null, true),
          null,
          Secret.ofBytes(bytes),
          List.of(new TraceStep(location, type + " keystore")));
    }
  }

  private static void report(
      KeyStore store,
      String type,
      char[] password,
      String how,
      FileFacts facts,
      Location location,
      byte[] bytes) {
    try {
      for (String alias : Collections.list(store.aliases())) {
        if (!store.isKeyEntry(alias)) {
          continue; // trusted certificates are not key material
        }
        ParsedKey key = new ParsedKey("unknown", 0, null, true);
        if (password != null) {
          try {
            Key k = store.getKey(alias, password);
            key = describe(k);
          } catch (java.security.GeneralSecurityException | RuntimeException e) {
            // key password differs from the store password: the entry stays encrypted
          }
        }
        facts.keyMaterial(
            location,
            type + " keystore entry '" + alias + "'",
            key,
            how,
            Secret.ofBytes(bytes),
            List.of(
                new TraceStep(
                    location, type + " keystore" + (how == null ? "" : " opened with " + how))));
      }
    } catch (java.security.KeyStoreException e) {
      facts.problem(0, "keystore entries not readable: " + e.getMessage());
    }
  }

  private static ParsedKey describe(Key k) {
    if (k instanceof RSAKey rsa) {
      return new ParsedKey("RSA", rsa.getModulus().bitLength(), null, false);
    }
    if (k instanceof ECKey ec) {
      int bits = ec.getParams().getOrder().bitLength();
      return new ParsedKey("EC", bits, Generation.curveForBits(bits), false);
    }
    if (k instanceof DSAKey dsa) {
      return new ParsedKey("DSA", dsa.getParams().getP().bitLength(), null, false);
    }
    if (k instanceof SecretKey s && s.getEncoded() != null) {
      return new ParsedKey(s.getAlgorithm(), s.getEncoded().length * 8, null, false);
    }
    return new ParsedKey(k == null ? "unknown" : k.getAlgorithm(), 0, null, false);
  }

  private static KeyStore load(String type, byte[] bytes, char[] password) {
    try {
      KeyStore store = KeyStore.getInstance(type);
      store.load(new ByteArrayInputStream(bytes), password);
      return store;
    } catch (Exception e) {
      return null; // wrong password or not a keystore of that type
    }
  }
}
