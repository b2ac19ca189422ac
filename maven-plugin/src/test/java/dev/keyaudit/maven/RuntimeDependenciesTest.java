package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keyaudit.scanner.scan.ScanRequest.DependencyMode;
import org.junit.jupiter.api.Test;

class RuntimeDependenciesTest {

  @Test
  void mapsTheDependenciesParameterOntoTheRequestsMode() {
    assertThat(RuntimeDependencies.mode("report")).isEqualTo(DependencyMode.REPORT);
    assertThat(RuntimeDependencies.mode(" WARN ")).isEqualTo(DependencyMode.WARN);
    assertThat(RuntimeDependencies.mode("ignore")).isEqualTo(DependencyMode.IGNORE);
    assertThat(RuntimeDependencies.mode(null)).isEqualTo(DependencyMode.REPORT);
  }

  @Test
  void rejectsAnUnknownMode() {
    assertThatThrownBy(() -> RuntimeDependencies.mode("fail"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("dependencies must be report, warn or ignore, not 'fail'");
  }
}
