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
  void classifiesSourcesByPath(String path, CodeScope expected) {
    assertThat(CodeScope.of(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "target/test-classes/com/acme/KeysTest.class, TEST",
    "service/target/test-classes/com/acme/KeysTest.class, TEST",
    "target/generated-test-sources/test-annotations/com/acme/KeysTest_.java, TEST",
    "target/generated-sources/annotations/com/acme/test/Keys_.java, MAIN",
    "build/classes/java/test/com/acme/KeysTest.class, TEST",
    "build/classes/kotlin/integrationTest/com/acme/KeysIT.class, TEST",
    "build/classes/java/testFixtures/com/acme/Keys.class, TEST",
    "build/resources/test/keys.yml, TEST",
    "out/test/service/com/acme/KeysTest.class, TEST",
    "lib/service-1.0-tests.jar!/com/acme/KeysTest.class, TEST",
    "service-1.0-test-sources.jar!/com/acme/KeysTest.java, TEST",
    "lib/service-1.0-test-fixtures.jar!/com/acme/Keys.class, TEST",
    "dist/app.jar!/BOOT-INF/lib/acme-1.0-tests.jar!/com/acme/KeysTest.class, TEST",
    "test/app.jar!/com/acme/Keys.class, TEST",
    "examples/service/target/classes/com/acme/Keys.class, EXAMPLE",
    "target/classes/com/acme/Keys.class, MAIN",
    "target/classes/com/acme/test/Keys.class, MAIN",
    "target/classes/com/example/Keys.class, MAIN",
    "build/classes/java/main/com/acme/tests/Keys.class, MAIN",
    "build/resources/main/test/keys.yml, MAIN",
    "out/production/service/com/acme/test/Keys.class, MAIN",
    "lib/app.jar!/com/acme/test/Keys.class, MAIN",
    "dist/app.war!/WEB-INF/classes/com/example/Keys.class, MAIN",
    "dist/app.jar!/BOOT-INF/lib/acme-test-utils-1.0.jar!/com/acme/Keys.class, MAIN",
    "lib/contest-tests-runner.jar!/com/acme/Keys.class, MAIN",
    "/home/dev/.m2/repository/com/example/lib/1.0/lib-1.0.jar!/com/example/Keys.class, MAIN"
  })
  void classifiesCompiledCodeByItsBuildOutputFolderOrArchive(String path, CodeScope expected) {
    assertThat(CodeScope.of(path)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"MAIN, false", "TEST, true", "EXAMPLE, true"})
  void onlyProductionKeepsThePolicySeverity(CodeScope scope, boolean lowers) {
    assertThat(scope.lowersSeverity()).isEqualTo(lowers);
    assertThat(scope.tag() != null).isEqualTo(lowers);
  }
}
