package dev.keyaudit.scanner.report;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Jackson set up the same way for every JSON report: pretty, UTF-8, the caller's stream left open.
 */
final class JsonOutput {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  private JsonOutput() {}

  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  static void write(JsonNode document, OutputStream out) throws IOException {
    MAPPER.writeValue(out, document);
    out.write('\n');
    out.flush();
  }
}
