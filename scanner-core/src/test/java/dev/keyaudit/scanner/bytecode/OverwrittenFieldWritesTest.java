package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.policy.Policies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A field initialiser javac copies into a constructor is dropped only when the constructor then
 * assigns the field on every path: a conditional assignment leaves the initialiser's value live.
 */
class OverwrittenFieldWritesTest {

  private static final String VAULT =
      """
      package com.acme;

      import java.security.DrbgParameters;
      import java.security.SecureRandom;
      import javax.crypto.KeyGenerator;
      import javax.crypto.SecretKey;

      public class Vault {
        private SecureRandom own = Drbgs.drbg(128);

        Vault(boolean strong) {
          %s
        }

        SecretKey key() throws Exception {
          KeyGenerator kg = KeyGenerator.getInstance("AES");
          kg.init(256, own);
          return kg.generateKey();
        }
      }

      class Drbgs {
        static SecureRandom drbg(int strength) {
          try {
            return SecureRandom.getInstance(
                "DRBG",
                DrbgParameters.instantiation(strength, DrbgParameters.Capability.RESEED_ONLY, null));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
      """;

  @TempDir Path dir;

  @Test
  void anUnconditionalAssignmentReplacesTheInitialiser() throws IOException {
    assertThat(ka204("own = Drbgs.drbg(256);")).isFalse();
  }

  @Test
  void aConditionalAssignmentLeavesTheInitialiserLive() throws IOException {
    assertThat(ka204("if (strong) { own = Drbgs.drbg(256); }")).isTrue();
  }

  private boolean ka204(String constructorBody) throws IOException {
    Path file = Files.writeString(dir.resolve("Vault.java"), VAULT.formatted(constructorBody));
    List<Fact> facts = InMemoryJavac.bytecodeFacts(file);
    PolicyEvaluator evaluator = new PolicyEvaluator(Policies.load("nist-800-131a"));
    return facts.stream()
        .flatMap(f -> evaluator.evaluate(f).violations().stream())
        .anyMatch(
            v -> v.ruleId().equals("KA204") && v.location().path().equals("com/acme/Vault.class"));
  }
}
