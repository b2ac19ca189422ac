package dev.keyaudit.scanner.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The key parsers read algorithm, size and protection of the fixture keys. */
class PemScannerTest {

  @ParameterizedTest
  @CsvSource({
    "keys/server-rsa.pem, RSA PRIVATE KEY, RSA, 2048, false",
    "keys/ec-p256.key, PRIVATE KEY, EC, 256, false",
    "keys/legacy-encrypted.pem, ENCRYPTED PRIVATE KEY, unknown, 0, true",
    "keys/id_ed25519, OPENSSH PRIVATE KEY, Ed25519, 255, false",
    "keys/release-signing.asc, PGP PRIVATE KEY BLOCK, RSA, 1024, false",
    "keys/protected-signing.asc, PGP PRIVATE KEY BLOCK, RSA, 2048, true",
    "disguised/settings.properties, PRIVATE KEY, EC, 256, false",
  })
  void readsAlgorithmSizeAndProtection(
      String fixture, String type, String algorithm, int bits, boolean encrypted)
      throws IOException, URISyntaxException {
    Path file = Path.of(getClass().getResource("/fixtures/manifests/" + fixture).toURI());
    var blocks = PemScanner.scan(Files.readString(file));
    assertThat(blocks)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.type()).isEqualTo(type);
              assertThat(b.key())
                  .isEqualTo(new ParsedKey(algorithm, bits, b.key().curve(), encrypted));
            });
  }

  @ParameterizedTest
  @CsvSource({"keys/public.pem", "keys/docs-truncated.pem"})
  void ignoresPublicKeysAndBlocksThatDoNotParse(String fixture)
      throws IOException, URISyntaxException {
    Path file = Path.of(getClass().getResource("/fixtures/manifests/" + fixture).toURI());
    assertThat(PemScanner.scan(Files.readString(file))).isEmpty();
  }
}
