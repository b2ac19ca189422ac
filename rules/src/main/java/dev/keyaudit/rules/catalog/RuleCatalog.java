package dev.keyaudit.rules.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.keyaudit.rules.yaml.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rules KeyAudit reports, loaded from the YAML resources under {@code
 * dev/keyaudit/rules/catalog/}: {@code index.yaml} lists the ids, and each rule lives in {@code
 * <id>.yaml} with every {@link RuleDescriptor} field. Loading is strict: an unknown field, a
 * missing file or a rule that breaks {@link CatalogValidator} fails the load.
 */
public final class RuleCatalog {

  /** Resource folder of the catalog. */
  public static final String RESOURCE_DIR = "/dev/keyaudit/rules/catalog/";

  private final List<RuleDescriptor> rules;
  private final Map<String, RuleDescriptor> byId;

  private RuleCatalog(List<RuleDescriptor> rules) {
    this.rules = rules.stream().sorted(Comparator.comparing(RuleDescriptor::id)).toList();
    Map<String, RuleDescriptor> index = new LinkedHashMap<>();
    this.rules.forEach(r -> index.put(r.id(), r));
    this.byId = Map.copyOf(index);
  }

  /** Loaded on first use, so a catalog built with {@link #of} never reads the YAML. */
  private static final class BuiltIn {
    static final RuleCatalog CATALOG = load();
  }

  /** The catalog shipped with KeyAudit. */
  public static RuleCatalog builtIn() {
    return BuiltIn.CATALOG;
  }

  /**
   * A catalog of already-read rules (the agent's build-time copy of the built-in catalog), checked
   * by {@link CatalogValidator} like the YAML.
   */
  public static RuleCatalog of(List<RuleDescriptor> rules) {
    List<String> problems = CatalogValidator.problems(rules);
    if (!problems.isEmpty()) {
      throw new CatalogException("invalid rule catalog: " + String.join("; ", problems));
    }
    return new RuleCatalog(List.copyOf(rules));
  }

  /** Every rule, sorted by id. */
  public List<RuleDescriptor> rules() {
    return rules;
  }

  public Optional<RuleDescriptor> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The rule with {@code id}; throws when there is none (a programming error in a check). */
  public RuleDescriptor require(String id) {
    RuleDescriptor rule = byId.get(id);
    if (rule == null) {
      throw new IllegalArgumentException("no rule " + id + " in the catalog");
    }
    return rule;
  }

  /** The ids listed in {@code index.yaml}, in file order. */
  public static List<String> indexedIds() {
    JsonNode index = readTree("index.yaml");
    JsonNode ids = index.get("rules");
    if (ids == null || !ids.isArray() || index.size() != 1) {
      throw new CatalogException(RESOURCE_DIR + "index.yaml: expected exactly one key 'rules'");
    }
    List<String> out = new ArrayList<>();
    ids.forEach(id -> out.add(id.asText()));
    return out;
  }

  private static RuleCatalog load() {
    List<RuleDescriptor> rules = new ArrayList<>();
    for (String id : indexedIds()) {
      String file = id + ".yaml";
      RuleDescriptor rule;
      try {
        rule = StrictYaml.mapper().treeToValue(readTree(file), RuleDescriptor.class);
      } catch (JsonProcessingException e) {
        throw new CatalogException(RESOURCE_DIR + file + ": " + StrictYaml.describe(e), e);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new CatalogException(RESOURCE_DIR + file + ": incomplete rule: " + e, e);
      }
      if (!id.equals(rule.id())) {
        throw new CatalogException(RESOURCE_DIR + file + ": id " + rule.id() + " != file name");
      }
      rules.add(rule);
    }
    List<String> problems = CatalogValidator.problems(rules);
    if (!problems.isEmpty()) {
      throw new CatalogException("invalid rule catalog: " + String.join("; ", problems));
    }
    return new RuleCatalog(rules);
  }

  private static JsonNode readTree(String file) {
    try (InputStream in = RuleCatalog.class.getResourceAsStream(RESOURCE_DIR + file)) {
      if (in == null) {
        throw new CatalogException("missing resource " + RESOURCE_DIR + file);
      }
      return StrictYaml.readTree(in);
    } catch (JsonProcessingException e) {
      throw new CatalogException(RESOURCE_DIR + file + ": " + StrictYaml.describe(e), e);
    } catch (IOException e) {
      throw new UncheckedIOException(RESOURCE_DIR + file, e);
    }
  }
}
