package dev.keyaudit.scanner.manifest;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Value;
import java.util.Locale;
import java.util.Optional;

/**
 * Vault transit key types ({@code aes128-gcm96}, {@code rsa-2048}, {@code ecdsa-p256}...) as
 * generation facts.
 */
final class VaultKeyTypes {

  private VaultKeyTypes() {}

  static Optional<Fact> generation(String type, Location at, String written) {
    String t = type.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("aes128")) {
      return Optional.of(symmetric("AES", 128, at, written));
    }
    if (t.startsWith("aes256")) {
      return Optional.of(symmetric("AES", 256, at, written));
    }
    if (t.startsWith("chacha20")) {
      return Optional.of(symmetric("ChaCha20", 256, at, written));
    }
    if (t.startsWith("rsa-")) {
      int bits = Integer.parseInt(t.substring(4).replaceAll("\\D", "0"));
      return Optional.of(
          Generation.managedPair(
              at,
              "vault",
              Generation.given("RSA", at, written),
              Generation.given(bits, at, written),
              null));
    }
    if (t.startsWith("ecdsa-p")) {
      String curve = Generation.normalizeCurve(t.substring(6));
      return Optional.of(
          Generation.managedPair(
              at,
              "vault",
              Generation.given("EC", at, written),
              Value.unknown("size follows from the curve"),
              Generation.given(curve, at, written)));
    }
    if (t.equals("ed25519")) {
      return Optional.of(
          Generation.managedPair(
              at,
              "vault",
              Generation.given("Ed25519", at, written),
              Value.unknown("fixed by the algorithm"),
              Generation.given("Ed25519", at, written)));
    }
    return Optional.empty();
  }

  private static Fact symmetric(String alg, int bits, Location at, String written) {
    return Generation.managedSecretKey(
        at, "vault", Generation.given(alg, at, written), Generation.given(bits, at, written));
  }
}
