package dev.keyaudit.rules.jca;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits the algorithm strings of the JCA into the algorithms a policy judges: Cipher
 * transformations ("DES/CBC/PKCS5Padding"), Signature names ("SHA1withRSA", "SHA256withRSA/PSS"),
 * PBE names ("PBEWithMD5AndDES", "PBEWithHmacSHA256AndAES_256"), PBKDF2 names
 * ("PBKDF2WithHmacSHA1"), HMAC names ("HmacMD5"), plain names, aliases and OIDs. Parts it does not
 * recognise are left out: an unknown name is not a weak one.
 */
public final class AlgorithmStrings {

  private static final Pattern PBE = Pattern.compile("(?i)PBEWith(.+?)And(.+)");
  private static final Pattern PBKDF2 =
      Pattern.compile("(?i)PBKDF2With(Hmac[A-Za-z0-9/\\-]+?)(?:And8BIT)?");
  private static final Pattern SIGNATURE = Pattern.compile("(?i)(.+?)with(.+)");
  private static final Pattern KEY_SIZE_SUFFIX = Pattern.compile("_\\d+$");
  private static final Pattern SIGNATURE_KEY_SUFFIX =
      Pattern.compile("(?i)(/PSS|inP1363Format|andMGF1)$");

  private AlgorithmStrings() {}

  /**
   * The algorithms inside {@code text} as used through {@code api} ("Cipher", "Signature", "Mac",
   * "MessageDigest", "SecretKeyFactory", "KeyGenerator", "KeyPairGenerator", "KeyAgreement"...).
   */
  public static List<AlgorithmComponent> components(String api, String text) {
    List<AlgorithmComponent> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    String s = text.trim();
    String firstSegment = s.contains("/") ? s.substring(0, s.indexOf('/')) : s;
    Matcher m;
    if ((m = PBKDF2.matcher(s)).matches()) {
      addMac(out, m.group(1));
    } else if ((m = PBE.matcher(s)).matches()) {
      addPbePart(out, m.group(1));
      addSymmetric(out, m.group(2));
    } else if (Algorithms.lookup(s).isPresent()) {
      addWhole(out, api, s);
    } else if ((m = SIGNATURE.matcher(firstSegment)).matches()) {
      // "SHA256withRSA", "SHA256withRSA/PSS", "SHA3-256withECDSAinP1363Format"
      addDigest(out, m.group(1), DigestUse.SIGNATURE);
      addSignatureKey(out, s.substring(m.start(2)));
    } else if (s.toUpperCase(Locale.ROOT).startsWith("HMAC")) {
      // HMAC spellings the registry does not list ("HmacPBESHA256"): judge the hash inside.
      addMac(out, s);
    } else {
      // A Cipher transformation or a plain name: only the algorithm decides; mode and padding
      // ("OAEPWithSHA-256AndMGF1Padding") are not judged here.
      addWhole(out, api, stripKeySize(firstSegment));
    }
    return out;
  }

  private static void addWhole(List<AlgorithmComponent> out, String api, String name) {
    Optional<JcaAlgorithm> found = Algorithms.lookup(name);
    if (found.isEmpty()) {
      return;
    }
    JcaAlgorithm algorithm = found.get();
    switch (algorithm.kind()) {
      case MAC -> addMac(out, name);
      case DIGEST -> out.add(new AlgorithmComponent(algorithm, digestUseFor(api), name));
      default -> out.add(new AlgorithmComponent(algorithm, null, name));
    }
  }

  private static DigestUse digestUseFor(String api) {
    return "Signature".equals(api) ? DigestUse.SIGNATURE : DigestUse.OTHER;
  }

  private static void addMac(List<AlgorithmComponent> out, String macName) {
    Algorithms.lookup(macName)
        .filter(a -> a.kind() == JcaAlgorithm.Kind.MAC)
        .ifPresentOrElse(
            mac -> {
              out.add(new AlgorithmComponent(mac, null, macName));
              Algorithms.lookup(mac.digest())
                  .ifPresent(d -> out.add(new AlgorithmComponent(d, DigestUse.HMAC, macName)));
            },
            () -> {
              // "HmacPBESHA256" and other spellings: judge the hash inside.
              String inner = macName.replaceFirst("(?i)^Hmac(PBE)?", "");
              addDigest(out, inner, DigestUse.HMAC);
            });
  }

  private static void addPbePart(List<AlgorithmComponent> out, String part) {
    if (part.toUpperCase(Locale.ROOT).startsWith("HMAC")) {
      addMac(out, part);
    } else {
      addDigest(out, part, DigestUse.OTHER);
    }
  }

  private static void addSymmetric(List<AlgorithmComponent> out, String part) {
    String name = stripKeySize(part);
    Algorithms.lookup(name).ifPresent(a -> out.add(new AlgorithmComponent(a, null, part)));
  }

  private static void addDigest(List<AlgorithmComponent> out, String part, DigestUse use) {
    if (part.equalsIgnoreCase("NONE")) {
      return;
    }
    Algorithms.lookup(part)
        .filter(a -> a.kind() == JcaAlgorithm.Kind.DIGEST)
        .ifPresent(d -> out.add(new AlgorithmComponent(d, use, part)));
  }

  private static void addSignatureKey(List<AlgorithmComponent> out, String part) {
    String name = SIGNATURE_KEY_SUFFIX.matcher(part).replaceAll("");
    Algorithms.lookup(name).ifPresent(a -> out.add(new AlgorithmComponent(a, null, part)));
  }

  private static String stripKeySize(String name) {
    // "AES_256", "RC2_40", "RC4_128": the suffix is a key size, the name before it the algorithm.
    return Algorithms.lookup(name).isPresent()
        ? name
        : KEY_SIZE_SUFFIX.matcher(name).replaceAll("");
  }
}
