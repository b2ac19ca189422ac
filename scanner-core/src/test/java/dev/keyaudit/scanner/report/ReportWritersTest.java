package dev.keyaudit.scanner.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWritersTest {

  @TempDir Path root;

  @Test
  void listsTheBuiltInFormats() {
    assertThat(ReportWriters.formats()).containsExactly("sarif", "text", "json");
    assertThat(ReportWriters.all())
        .extracting(ReportWriter::defaultFileName)
        .containsExactly("keyaudit.sarif", "keyaudit.txt", "keyaudit.json");
  }

  @Test
  void findsWritersByName() {
    assertThat(ReportWriters.byFormat("sarif")).isInstanceOf(SarifReportWriter.class);
    assertThat(ReportWriters.byFormat(" JSON ")).isInstanceOf(JsonReportWriter.class);
    assertThatThrownBy(() -> ReportWriters.byFormat("html"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown report format 'html'; known formats: sarif, text, json");
  }

  /** A writer must leave the stream open: the CLI may write to stdout. */
  @Test
  void writersDoNotCloseTheStream() throws IOException {
    for (ReportWriter writer : ReportWriters.all()) {
      var out =
          new ByteArrayOutputStream() {
            boolean closed;

            @Override
            public void close() {
              closed = true;
            }
          };
      writer.write(SampleScan.result(root), SampleScan.CONTEXT, out);
      assertThat(out.closed).as(writer.format()).isFalse();
      assertThat(out.size()).as(writer.format()).isPositive();
      if (writer.format().equals("sarif")) {
        SarifSchemaAssert.assertValid(out.toString(java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void contextNormalisesTheCategory() {
    assertThat(SampleScan.CONTEXT.withAutomationCategory("ci/module-a").automationCategory())
        .isEqualTo("ci/module-a/");
    assertThat(SampleScan.CONTEXT.withAutomationCategory(" ").automationCategory())
        .isEqualTo(ReportContext.DEFAULT_CATEGORY);
  }
}
