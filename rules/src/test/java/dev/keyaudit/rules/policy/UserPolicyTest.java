package dev.keyaudit.rules.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyaudit.rules.jca.KeyFamily;
import dev.keyaudit.rules.model.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** User policy files: extends, deep merge, list replacement, and errors that name file and key. */
class UserPolicyTest {

  @TempDir Path dir;

  Path write(String name, String yaml) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void extendsABuiltInAndOverridesThresholdsListsAndRules() throws IOException {
    Path file =
        write(
            "acme.yaml",
            """
            id: acme-crypto
            extends: nist-800-131a
            evaluationDate: 2027-01-15
            keySizes:
              RSA: 3072
              AES:
                value: 256
                source: "ACME Crypto Standard v3, §4.2"
            curves: [P-384, secp521r1]
            algorithms:
              DESede: disallowed
            rules:
              KA104: {severity: error}
              KA201: {enabled: false}
            """);

    Policy p = Policies.load(file.toString());

    assertThat(p.id()).isEqualTo("acme-crypto");
    assertThat(p.chain()).containsExactly("acme-crypto", "nist-800-131a");
    assertThat(p.origin()).isEqualTo(file.toString());
    assertThat(p.title()).isEqualTo("acme-crypto (based on nist-800-131a)");
    assertThat(p.evaluationDate()).isEqualTo(LocalDate.of(2027, 1, 15));
    assertThat(p.evaluationDatePinned()).isTrue();
    // Overridden without a source: the user file is the source.
    assertThat(p.minKeySize(KeyFamily.RSA))
        .isEqualTo(new Threshold<>(3072, "user policy acme.yaml"));
    assertThat(p.minKeySize(KeyFamily.AES).source()).isEqualTo("ACME Crypto Standard v3, §4.2");
    // Deep merge: untouched thresholds keep the built-in value and source.
    assertThat(p.minKeySize(KeyFamily.DH).value()).isEqualTo(2048);
    assertThat(p.minKeySize(KeyFamily.DH).source()).contains("SP 800-131A");
    assertThat(p.algorithm("DES")).isPresent();
    // Lists replace.
    assertThat(p.curves().names()).isEqualTo("P-384, P-521");
    assertThat(p.curves().source()).isEqualTo("user policy acme.yaml");
    assertThat(p.algorithm("DESede").get().statusOn(LocalDate.of(2020, 1, 1)))
        .isEqualTo(AlgorithmStatus.DISALLOWED);
    assertThat(p.override("KA104").fixedSeverity()).contains(Severity.ERROR);
    assertThat(p.enabled("KA201")).isFalse();
    assertThat(p.enabled("KA102")).isTrue();
  }

  @Test
  void idMayAlsoBeGivenAsAPathString() throws IOException {
    Path file = write("p.yaml", "id: small\nextends: bsi-tr-02102-1\n");
    Policy p = Policies.load(file);
    assertThat(p.minKeySize(KeyFamily.RSA).value()).isEqualTo(3000);
    assertThat(p.description()).contains("p.yaml", "BSI");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown key            | rng: {requireDRBG: true}                      | 'rng.requireDRBG'
          unknown top-level key  | keysizes: {RSA: 3072}                          | 'keysizes'
          unknown rule           | rules: {KA999: {enabled: false}}               | 'rules.KA999': unknown rule
          unknown algorithm      | algorithms: {FOO: disallowed}                  | 'algorithms.FOO': unknown algorithm
          hash under algorithms  | algorithms: {MD5: disallowed}                  | list it under digests
          unknown hash           | digests: {SHA-9: {other: disallowed}}          | unknown hash function 'SHA-9'
          unknown curve          | curves: [P-256, curve9000]                     | unknown curve 'curve9000'
          unknown key family     | keySizes: {ECC: 256}                           | unknown key family 'ECC'
          unknown rng algorithm  | 'rng: {disallowedAlgorithms: [FastPRNG]}'      | unknown SecureRandom algorithm 'FastPRNG'
          bad severity           | rules: {KA102: {severity: critical}}           | 'rules.KA102.severity'
          bad status             | algorithms: {DES: forbidden}                   | 'algorithms.DES.status'
          bad date               | evaluationDate: next-year                      | 'evaluationDate': 'next-year' is not a date
          non-positive size      | keySizes: {RSA: 0}                             | must be positive
          blank source           | 'keySizes: {RSA: {value: 4096, source: ""}}'   | threshold without a source
          wrong type             | keySizes: {RSA: {value: big}}                  | 'keySizes.RSA.value'
          dates reversed         | 'quantumTransition: {deprecatedAfter: {value: 2035-01-01}, disallowedAfter: {value: 2030-01-01}}' | disallowedAfter is before deprecatedAfter
          half a schedule        | 'quantumTransition: {disallowedAfter: {value: 2035-12-31}}' | needs both
          """)
  void errorsNameTheFileAndTheKey(String what, String line, String expected) throws IOException {
    Path file = write("bad.yaml", "id: bad\nextends: nist-800-131a\n" + line + "\n");
    assertThatThrownBy(() -> Policies.load(file.toString()))
        .as(what)
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(file.toString() + ": ")
        .hasMessageContaining(expected);
  }

  @Test
  void userFilesMustNameThemselvesAndExtendABuiltIn() throws IOException {
    assertThatThrownBy(() -> Policies.load(write("a.yaml", "extends: nist-800-131a\n")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("'id': missing");
    assertThatThrownBy(() -> Policies.load(write("b.yaml", "id: b\n")))
        .hasMessageContaining("'extends': must name a built-in policy");
    assertThatThrownBy(() -> Policies.load(write("c.yaml", "id: c\nextends: acme\n")))
        .hasMessageContaining("not 'acme'");
    assertThatThrownBy(() -> Policies.load(write("d.yaml", "id: cnsa-2.0\nextends: fips-140-3\n")))
        .hasMessageContaining("is a built-in policy id");
    assertThatThrownBy(() -> Policies.load(write("e.yaml", "id: Not Valid\nextends: fips-140-3\n")))
        .hasMessageContaining("is not a policy id");
  }

  @Test
  void malformedYamlAndDuplicateKeysAreErrors() throws IOException {
    assertThatThrownBy(() -> Policies.load(write("f.yaml", "id: f\nextends: [unclosed\n")))
        .isInstanceOf(PolicyException.class)
        .hasMessageStartingWith(dir.resolve("f.yaml") + ": ");
    assertThatThrownBy(
            () -> Policies.load(write("g.yaml", "id: g\nextends: nist-800-131a\nid: h\n")))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("id");
    assertThatThrownBy(() -> Policies.load(write("h.yaml", "- just\n- a list\n")))
        .hasMessageContaining("expected a mapping");
  }

  @Test
  void unknownIdThatIsNoFileListsTheBuiltIns() {
    assertThatThrownBy(() -> Policies.load("nist-800-131b"))
        .isInstanceOf(PolicyException.class)
        .hasMessageContaining("nist-800-131b")
        .hasMessageContaining("nist-800-131a, fips-140-3");
  }
}
