package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.model.Severity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingLinesTest {

  @Test
  void compilerStylePathLineRuleAndMessage() {
    var finding = FailOnTest.finding("KA102", Severity.ERROR, 12, false);
    var result = FailOnTest.result(List.of(finding));

    assertThat(new FindingLines(Path.of("/project")).line(result, finding))
        .isEqualTo("src/main/java/A.java:12: [KA102] message of KA102");
  }

  @Test
  void pathOutsideTheLogBaseIsAbsolute() {
    var finding = FailOnTest.finding("KA102", Severity.ERROR, 12, false);
    var result = FailOnTest.result(List.of(finding));

    assertThat(new FindingLines(Path.of("/elsewhere")).line(result, finding))
        .isEqualTo(Path.of("/project/src/main/java/A.java") + ":12: [KA102] message of KA102");
  }
}
