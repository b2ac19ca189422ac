package dev.keyaudit.rules.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.rules.yaml.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads policies: the built-in profiles under {@code dev/keyaudit/rules/policies/} ({@code
 * index.yaml} lists them, one {@code <id>.yaml} each, possibly extending one another) and user
 * files that {@code extends} a built-in one. Maps deep-merge and lists replace; every threshold a
 * user file sets without a {@code source} cites that file.
 */
public final class Policies {

  /** The policy used when none is chosen. */
  public static final String DEFAULT_ID = "nist-800-131a";

  /** Resource folder of the built-in policies. */
  public static final String RESOURCE_DIR = "/dev/keyaudit/rules/policies/";

  private record Merged(ObjectNode tree, List<String> chain) {}

  private static volatile Map<String, Merged> builtIns;

  private Policies() {}

  /**
   * A built-in policy by id, or a user policy file by path.
   *
   * @throws PolicyException naming the file and the problem
   */
  public static Policy load(String idOrFile) {
    if (idOrFile == null || idOrFile.isBlank()) {
      throw new PolicyException("no policy given (built-in ids: " + builtInIds() + ")");
    }
    String trimmed = idOrFile.trim();
    if (builtIns().containsKey(trimmed)) {
      return resolveBuiltIn(trimmed);
    }
    Path path = Path.of(trimmed);
    if (!Files.isRegularFile(path)) {
      throw new PolicyException(
          "'" + trimmed + "' is neither a built-in policy " + builtInIds() + " nor a file");
    }
    return load(path);
  }

  /** A user policy file; it must name an {@code id} and {@code extends} a built-in policy. */
  public static Policy load(Path file) {
    String name = file.toString();
    JsonNode tree;
    try (InputStream in = Files.newInputStream(file)) {
      tree = StrictYaml.readTree(in);
    } catch (JsonProcessingException e) {
      throw new PolicyException(name + ": " + StrictYaml.describe(e), e);
    } catch (IOException e) {
      throw new PolicyException(name + ": cannot read: " + e.getMessage(), e);
    }
    if (!(tree instanceof ObjectNode written)) {
      throw new PolicyException(name + ": expected a mapping at the top level");
    }
    ObjectNode overlay =
        PolicyTrees.citeUserFile(
            PolicyTrees.expandShortForms(written), "user policy " + file.getFileName());
    PolicyFile parsed = parse(overlay, name);
    if (parsed.id() == null) {
      throw new PolicyException(name + ": 'id': missing (name your policy)");
    }
    if (builtIns().containsKey(parsed.id())) {
      throw new PolicyException(name + ": 'id': '" + parsed.id() + "' is a built-in policy id");
    }
    if (parsed.extendsId() == null || !builtIns().containsKey(parsed.extendsId())) {
      throw new PolicyException(
          name
              + ": 'extends': must name a built-in policy "
              + builtInIds()
              + (parsed.extendsId() == null ? "" : ", not '" + parsed.extendsId() + "'"));
    }
    PolicyResolver.check(parsed, name);
    Merged base = builtIns().get(parsed.extendsId());
    ObjectNode merged = PolicyTrees.merge(base.tree(), overlay);
    List<String> chain = new ArrayList<>();
    chain.add(parsed.id());
    chain.addAll(base.chain());
    PolicyFile mergedFile = parse(merged, name);
    PolicyFile baseFile = parse(base.tree(), name);
    String title =
        parsed.title() != null
            ? parsed.title()
            : parsed.id() + " (based on " + base.chain().get(0) + ")";
    String description =
        parsed.description() != null
            ? parsed.description()
            : "User policy " + file.getFileName() + ", extending " + baseFile.title() + ".";
    return PolicyResolver.resolve(mergedFile, name, title, description, chain, name, today());
  }

  /** Every built-in policy, in the order of {@code index.yaml}, evaluated today. */
  public static List<Policy> builtIn() {
    return builtInIds().stream().map(Policies::resolveBuiltIn).toList();
  }

  /** Ids of the built-in policies, in the order of {@code index.yaml}. */
  public static List<String> builtInIds() {
    return List.copyOf(builtIns().keySet());
  }

  private static Policy resolveBuiltIn(String id) {
    Merged merged = builtIns().get(id);
    PolicyFile file = parse(merged.tree(), resourceName(id));
    if (file.title() == null || file.description() == null) {
      throw new PolicyException(
          resourceName(id) + ": built-in policies need a title and description");
    }
    return PolicyResolver.resolve(
        file,
        resourceName(id),
        file.title().strip(),
        file.description().strip(),
        merged.chain(),
        "built-in",
        today());
  }

  private static Map<String, Merged> builtIns() {
    Map<String, Merged> loaded = builtIns;
    if (loaded == null) {
      synchronized (Policies.class) {
        if (builtIns == null) {
          builtIns = loadBuiltIns();
        }
        loaded = builtIns;
      }
    }
    return loaded;
  }

  private static Map<String, Merged> loadBuiltIns() {
    JsonNode index = readResource("index.yaml");
    JsonNode ids = index.get("policies");
    if (ids == null || !ids.isArray() || index.size() != 1) {
      throw new PolicyException(RESOURCE_DIR + "index.yaml: expected exactly one key 'policies'");
    }
    Map<String, ObjectNode> written = new LinkedHashMap<>();
    for (JsonNode id : ids) {
      JsonNode tree = readResource(id.asText() + ".yaml");
      if (!(tree instanceof ObjectNode object)) {
        throw new PolicyException(resourceName(id.asText()) + ": expected a mapping");
      }
      written.put(id.asText(), object);
    }
    Map<String, Merged> merged = new LinkedHashMap<>();
    for (String id : written.keySet()) {
      mergeBuiltIn(id, written, merged, new ArrayList<>());
    }
    Map<String, Merged> ordered = new LinkedHashMap<>();
    written.keySet().forEach(id -> ordered.put(id, merged.get(id)));
    return ordered;
  }

  private static Merged mergeBuiltIn(
      String id, Map<String, ObjectNode> written, Map<String, Merged> done, List<String> visiting) {
    if (done.containsKey(id)) {
      return done.get(id);
    }
    String name = resourceName(id);
    if (visiting.contains(id)) {
      throw new PolicyException(name + ": 'extends': cycle " + visiting + " -> " + id);
    }
    visiting.add(id);
    ObjectNode tree = written.get(id);
    PolicyFile file = parse(tree, name);
    if (!id.equals(file.id())) {
      throw new PolicyException(name + ": 'id': '" + file.id() + "' differs from the file name");
    }
    PolicyResolver.check(file, name);
    Merged result;
    if (file.extendsId() == null) {
      result = new Merged(tree, List.of(id));
    } else {
      if (!written.containsKey(file.extendsId())) {
        throw new PolicyException(name + ": 'extends': unknown policy '" + file.extendsId() + "'");
      }
      Merged base = mergeBuiltIn(file.extendsId(), written, done, visiting);
      List<String> chain = new ArrayList<>();
      chain.add(id);
      chain.addAll(base.chain());
      result = new Merged(PolicyTrees.merge(base.tree(), tree), List.copyOf(chain));
    }
    visiting.remove(id);
    done.put(id, result);
    return result;
  }

  private static PolicyFile parse(ObjectNode tree, String name) {
    try {
      return StrictYaml.mapper().treeToValue(tree, PolicyFile.class);
    } catch (JsonProcessingException e) {
      throw new PolicyException(name + ": " + StrictYaml.describe(e), e);
    }
  }

  private static JsonNode readResource(String file) {
    try (InputStream in = Policies.class.getResourceAsStream(RESOURCE_DIR + file)) {
      if (in == null) {
        throw new PolicyException("missing resource " + RESOURCE_DIR + file);
      }
      return StrictYaml.readTree(in);
    } catch (JsonProcessingException e) {
      throw new PolicyException(RESOURCE_DIR + file + ": " + StrictYaml.describe(e), e);
    } catch (IOException e) {
      throw new PolicyException(RESOURCE_DIR + file + ": " + e.getMessage(), e);
    }
  }

  private static String resourceName(String id) {
    return "built-in policy " + RESOURCE_DIR.substring(1) + id + ".yaml";
  }

  private static LocalDate today() {
    return LocalDate.now(ZoneOffset.UTC);
  }
}
