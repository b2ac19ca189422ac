package dev.keyaudit.rules.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.SecretInConfig;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** KA404's entropy and length floors are policy thresholds, not constants in the check. */
class CredentialEntropyPolicyTest {

  @TempDir Path dir;

  private static SecretInConfig credential(double entropy, int length) {
    return new SecretInConfig(
        Location.line("config/app.properties", 3),
        "api.client-secret",
        SecretInConfig.Kind.CREDENTIAL,
        Secret.ofText("x".repeat(length)),
        false,
        entropy,
        0,
        List.of());
  }

  private static List<String> rules(Policy policy, SecretInConfig fact) {
    return new PolicyEvaluator(policy)
        .evaluate(fact).violations().stream().map(v -> v.ruleId()).toList();
  }

  @Test
  void builtInFloorsDecide() {
    Policy nist = Policies.load("nist-800-131a");
    assertThat(nist.secrets().minCredentialEntropy().value()).isEqualTo(3.0);
    assertThat(nist.secrets().minCredentialLength().value()).isEqualTo(12);

    assertThat(rules(nist, credential(3.5, 20))).containsExactly("KA404");
    assertThat(rules(nist, credential(2.5, 20))).isEmpty();
    assertThat(rules(nist, credential(3.5, 8))).isEmpty();
  }

  @Test
  void aUserPolicyMovesTheFloorsAndTheMessageCitesIt() throws IOException {
    Path file = dir.resolve("strict.yaml");
    Files.writeString(
        file,
        "id: strict\nextends: nist-800-131a\n"
            + "secrets:\n  minCredentialEntropy: 2.0\n  minCredentialLength: 6\n");
    Policy strict = Policies.load(file);

    var violations = new PolicyEvaluator(strict).evaluate(credential(2.5, 8)).violations();
    assertThat(violations).extracting(v -> v.ruleId()).containsExactly("KA404");
    assertThat(violations.get(0).threshold()).contains("2.0 bits/char").contains(">= 6 chars");
  }
}
