package dev.keyaudit.scanner.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodeScopeTest {

  @ParameterizedTest
  @CsvSource({
    "src/main/java/com/acme/Keys.java, MAIN",
    "src/main/resources/application.yml, MAIN",
    "k8s/secret.yaml, MAIN",
    "src/test/java/com/acme/KeysTest.java, TEST",
    "service/src/it/java/KeysIT.java, TEST",
    "src/testFixtures/java/Keys.java, TEST",
    "deploy/test/values.yaml, TEST",
    "tests/fixtures/key.pem, TEST",
    "examples/terraform/main.tf, EXAMPLE",
    "docs/setup/application.yml, EXAMPLE",
    "samples/key.pem, EXAMPLE",
    "src/main/java/com/acme/testing/Latest.java, MAIN",
    "contest/key.pem, MAIN",
    "src/main/java/com/example/payments/Keys.java, MAIN",
    "src/main/java/demo/Keys.java, MAIN",
    "service/src/main/java/com/acme/tests/Keys.java, MAIN",
    "examples/service/src/main/java/Keys.java, EXAMPLE"
  })
  void classifiesByPath(String path, CodeScope expected) {
    assertThat(CodeScope.of(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"MAIN, false", "TEST, true", "EXAMPLE, true"})
  void onlyProductionKeepsThePolicySeverity(CodeScope scope, boolean lowers) {
    assertThat(scope.lowersSeverity()).isEqualTo(lowers);
    assertThat(scope.tag() != null).isEqualTo(lowers);
  }
}
