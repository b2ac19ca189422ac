package dev.keyaudit.scanner.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.scanner.scan.InputFile;
import dev.keyaudit.scanner.scan.ScanContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tools leave the random source unchosen; key services choose their own. */
class GenerationRngTest {

  @Test
  void toolsLeaveTheRngUnchosenAndKeyServicesChooseTheirOwn(@TempDir Path dir) throws IOException {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        resource "tls_private_key" "tool" {
          algorithm = "RSA"
          rsa_bits  = 3072
        }
        resource "aws_kms_key" "service" {
          customer_master_key_spec = "RSA_3072"
        }
        """);
    RecordingSink sink = new RecordingSink();
    new ManifestFrontend()
        .analyze(
            List.of(new InputFile(dir.resolve("main.tf"), "main.tf")),
            new ScanContext(17, 1),
            sink);
    List<KeyPairGeneration> keys = sink.facts.stream().map(KeyPairGeneration.class::cast).toList();
    assertThat(keys).hasSize(2);
    assertThat(keys.get(0).rng().specified()).isFalse();
    assertThat(keys.get(1).rng().specified()).isTrue();
    assertThat(keys.get(1).rng().algorithm().isKnown()).isFalse();
    assertThat(keys.get(1).location().startLine()).isEqualTo(6);
  }
}
