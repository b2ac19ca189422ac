package dev.keyaudit.rules.yaml;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * The one YAML reader of the rules module: strict (unknown keys, duplicate keys and trailing
 * documents are errors) and bounded (small alias and size limits, since user policy files are
 * input). Also turns Jackson's exceptions into one-line messages that name the key.
 */
public final class StrictYaml {

  /** Largest YAML document read: policy and rule files are a few kilobytes. */
  public static final int MAX_CHARS = 1 << 20;

  private static final ObjectMapper MAPPER = createMapper();

  private StrictYaml() {}

  /** A mapper for reading into records: thread-safe once configured, shared. */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads one YAML document as a tree. */
  public static JsonNode readTree(InputStream in) throws IOException {
    byte[] bytes = in.readNBytes(MAX_CHARS + 1);
    if (bytes.length > MAX_CHARS) {
      throw new IOException("larger than " + MAX_CHARS + " bytes");
    }
    JsonNode tree = MAPPER.readTree(bytes);
    return tree == null ? MAPPER.createObjectNode() : tree;
  }

  /**
   * One line naming the key and the problem: "unknown key 'rng.requireDRBG' (known: ...)",
   * "'keySizes.RSA.value': cannot read "big" as a number", "line 4: mapping values are not allowed
   * here".
   */
  public static String describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException u) {
      String known =
          u.getKnownPropertyIds() == null
              ? ""
              : u.getKnownPropertyIds().stream()
                  .map(Object::toString)
                  .sorted()
                  .collect(Collectors.joining(", ", " (known keys here: ", ")"));
      return "unknown key '" + path(u) + "'" + known;
    }
    String text = e.getOriginalMessage();
    int cut = text.indexOf('\n');
    String firstLine = cut < 0 ? text : text.substring(0, cut);
    if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
      return "'" + path(m) + "': " + firstLine;
    }
    return e.getLocation() == null
        ? firstLine
        : "line " + e.getLocation().getLineNr() + ": " + firstLine;
  }

  private static String path(JsonMappingException e) {
    StringBuilder b = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (b.length() > 0) {
          b.append('.');
        }
        b.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        b.append('[').append(ref.getIndex()).append(']');
      }
    }
    return b.toString();
  }

  private static ObjectMapper createMapper() {
    LoaderOptions loader = new LoaderOptions();
    loader.setAllowDuplicateKeys(false);
    loader.setMaxAliasesForCollections(20);
    loader.setCodePointLimit(MAX_CHARS);
    YAMLFactory factory =
        YAMLFactory.builder()
            .loaderOptions(loader)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build())
            .build();
    return JsonMapper.builder(factory)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
        .build();
  }
}
