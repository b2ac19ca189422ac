package dev.keyaudit.scanner.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Validates SARIF logs against the official OASIS SARIF 2.1.0 errata01 schema ({@code
 * schemas/sarif-schema-2.1.0.json} on the test classpath), in JSON-Schema draft-04 mode with format
 * checks on. The one place in the project that does so: other tests call it.
 */
public final class SarifSchemaAssert {

  private static final String SCHEMA_RESOURCE = "/schemas/sarif-schema-2.1.0.json";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchema SCHEMA = load();

  private SarifSchemaAssert() {}

  private static JsonSchema load() {
    try (InputStream in = SarifSchemaAssert.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is not on the test classpath");
      }
      SchemaValidatorsConfig config =
          SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in, config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema violations of a SARIF document, as "path: message" lines; empty when valid. */
  public static List<String> errors(JsonNode sarif) {
    return SCHEMA.validate(sarif).stream().map(ValidationMessage::getMessage).sorted().toList();
  }

  public static List<String> errors(String sarif) {
    return errors(parse(sarif));
  }

  /**
   * Fails unless {@code sarif} is valid SARIF 2.1.0.
   *
   * @return the parsed document, for further assertions
   */
  public static JsonNode assertValid(String sarif) {
    JsonNode document = parse(sarif);
    List<String> errors = errors(document);
    if (!errors.isEmpty()) {
      throw new AssertionError(
          "SARIF log is not valid against the 2.1.0 schema:\n  " + String.join("\n  ", errors));
    }
    return document;
  }

  private static JsonNode parse(String sarif) {
    try {
      return JSON.readTree(sarif);
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + e.getMessage(), e);
    }
  }
}
