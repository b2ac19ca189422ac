package dev.keyaudit.scanner.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.SecretInConfig;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShellScannerTest {

  private final RecordingSink sink = new RecordingSink();
  private final ShellScanner shell =
      new ShellScanner(new FileFacts("build.sh", sink, new ArrayList<>()), 17);

  @Test
  void continuedCommandsAreLocatedAtTheirFirstLine() {
    shell.scan(
        "echo start\nkeytool -genkeypair \\\n  -keyalg RSA \\\n  -keysize 1024 -alias a\necho end\n",
        1);
    KeyPairGeneration fact = (KeyPairGeneration) sink.facts.get(0);
    assertThat(fact.location().startLine()).isEqualTo(2);
    assertThat(fact.keySize().knownValue()).contains(1024);
  }

  @Test
  void quotesSeparatorsAndVariablesAreHonoured() {
    shell.scan(
        "BITS=1536\n"
            + "cd /tmp && openssl genrsa -out 'my key.pem' \"$BITS\"; "
            + "keytool -list -storepass 'S3cret Pass Phrase!'\n",
        10);
    assertThat(sink.facts)
        .filteredOn(KeyPairGeneration.class::isInstance)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(((KeyPairGeneration) f).keySize().knownValue()).contains(1536);
              assertThat(f.location().startLine()).isEqualTo(11);
            });
    List<SecretInConfig> secrets =
        sink.facts.stream()
            .filter(SecretInConfig.class::isInstance)
            .map(SecretInConfig.class::cast)
            .toList();
    assertThat(secrets)
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.kind()).isEqualTo(SecretInConfig.Kind.KEY_PASSWORD);
              assertThat(s.secret().length()).isEqualTo("S3cret Pass Phrase!".length());
              assertThat(s.secret().maskedPreview()).doesNotContain("Pass Phrase");
            });
  }

  @Test
  void unbalancedQuotesAndHugeLinesDoNotFail() {
    shell.scan("ssh-keygen -t rsa -b '1024\n" + "x".repeat(200_000) + " \\\n", 1);
    assertThat(sink.notifications).isEmpty();
  }
}
