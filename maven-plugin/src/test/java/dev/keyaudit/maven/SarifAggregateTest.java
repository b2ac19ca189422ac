package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.scanner.report.SarifSchemaAssert;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SarifAggregateTest {

  private static byte[] log(String category) throws Exception {
    var result = FailOnTest.result(List.of(FailOnTest.finding("KA102", Severity.ERROR, 3, false)));
    return ReportFiles.sarif(result, category);
  }

  @Test
  void oneRunPerModuleWithItsCategoryAndAValidLog() throws Exception {
    ObjectNode merged =
        SarifAggregate.merge(
            List.of(log(ReportFiles.category("module-a")), log(ReportFiles.category("module-b"))));

    SarifSchemaAssert.assertValid(merged.toString());
    List<String> categories = new ArrayList<>();
    for (JsonNode run : merged.path("runs")) {
      categories.add(SarifAggregate.category(run.path("automationDetails").path("id").asText()));
      assertThat(run.path("results")).hasSize(1);
    }
    assertThat(categories).containsExactly("keyaudit/module-a/", "keyaudit/module-b/");
  }

  @Test
  void repeatedCategoryIsRefused() throws Exception {
    byte[] a = log("keyaudit/same/");

    assertThatThrownBy(() -> SarifAggregate.merge(List.of(a, a)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyaudit/same/");
  }

  @Test
  void categoryIsTheIdUpToTheLastSlash() {
    assertThat(SarifAggregate.category("keyaudit/api/2026-11-29T00:00:00Z"))
        .isEqualTo("keyaudit/api/");
  }
}
