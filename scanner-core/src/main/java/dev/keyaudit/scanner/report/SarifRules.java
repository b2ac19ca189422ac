package dev.keyaudit.scanner.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.keyaudit.rules.catalog.RuleDescriptor;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The {@code tool.driver.rules[]} of a SARIF run, built from catalog entries as GitHub reads them
 * (short and full description, help text and Markdown, level, tags, precision, {@code
 * security-severity} as a string), plus the CWE taxonomy the rules point to through {@code
 * relationships}. Enforces GitHub's length and tag limits by truncating.
 */
final class SarifRules {

  static final String CWE_TAXONOMY = "CWE";
  private static final int MAX_NAME = 255;
  private static final int MAX_DESCRIPTION = 1024;
  private static final int MAX_TAGS = 20;

  private final List<RuleDescriptor> rules;
  private final Map<String, Integer> indexById = new HashMap<>();
  private final List<Integer> cwes;

  SarifRules(List<RuleDescriptor> rules) {
    this.rules = rules;
    for (int i = 0; i < rules.size(); i++) {
      if (indexById.putIfAbsent(rules.get(i).id(), i) != null) {
        throw new IllegalArgumentException("rule " + rules.get(i).id() + " is listed twice");
      }
    }
    TreeSet<Integer> all = new TreeSet<>();
    rules.forEach(r -> all.addAll(r.cwe()));
    this.cwes = List.copyOf(all);
  }

  /**
   * The index of a rule in {@code rules[]}.
   *
   * @throws IllegalArgumentException when the report context lacks the rule: a wiring mistake
   */
  int index(String ruleId) {
    Integer index = indexById.get(ruleId);
    if (index == null) {
      throw new IllegalArgumentException(
          "a finding has rule " + ruleId + ", but the report context has no descriptor for it");
    }
    return index;
  }

  RuleDescriptor rule(String ruleId) {
    return rules.get(index(ruleId));
  }

  ArrayNode descriptors() {
    ArrayNode array = JsonOutput.object().arrayNode();
    rules.forEach(rule -> array.add(descriptor(rule)));
    return array;
  }

  boolean hasTaxonomy() {
    return !cwes.isEmpty();
  }

  /** {@code run.taxonomies[0]}: the CWE entries the rules relate to. */
  ObjectNode cweTaxonomy() {
    ObjectNode taxonomy = JsonOutput.object();
    taxonomy.put("name", CWE_TAXONOMY);
    taxonomy.put("organization", "MITRE");
    taxonomy.put("informationUri", "https://cwe.mitre.org/");
    taxonomy.putObject("shortDescription").put("text", "The MITRE Common Weakness Enumeration");
    ArrayNode taxa = taxonomy.putArray("taxa");
    for (int cwe : cwes) {
      ObjectNode taxon = taxa.addObject();
      taxon.put("id", String.valueOf(cwe));
      taxon.put("helpUri", "https://cwe.mitre.org/data/definitions/" + cwe + ".html");
    }
    return taxonomy;
  }

  private ObjectNode descriptor(RuleDescriptor rule) {
    ObjectNode node = JsonOutput.object();
    node.put("id", rule.id());
    node.put("name", truncate(rule.name(), MAX_NAME));
    node.putObject("shortDescription").put("text", truncate(rule.title(), MAX_DESCRIPTION));
    node.putObject("fullDescription").put("text", truncate(rule.description(), MAX_DESCRIPTION));
    ObjectNode help = node.putObject("help");
    help.put("text", helpText(rule));
    help.put("markdown", rule.helpMarkdown());
    node.putObject("defaultConfiguration").put("level", rule.defaultSeverity().sarifLevel());
    ObjectNode properties = node.putObject("properties");
    ArrayNode tags = properties.putArray("tags");
    rule.tags().stream().limit(MAX_TAGS).forEach(tags::add);
    properties.put("precision", rule.precision());
    properties.put("security-severity", rule.securitySeverity());
    ArrayNode guidelines = properties.putArray("cek10-guidelines");
    rule.guidelines().forEach(guidelines::add);
    if (!rule.cwe().isEmpty()) {
      ArrayNode relationships = node.putArray("relationships");
      for (int cwe : rule.cwe()) {
        ObjectNode target = relationships.addObject().putObject("target");
        target.put("id", String.valueOf(cwe));
        target.put("index", cwes.indexOf(cwe));
        ObjectNode component = target.putObject("toolComponent");
        component.put("name", CWE_TAXONOMY);
        component.put("index", 0);
      }
    }
    return node;
  }

  /** Plain-text help: the guidance, then both examples. */
  private static String helpText(RuleDescriptor rule) {
    return rule.help().strip()
        + "\n\nNon-compliant:\n"
        + rule.noncompliant().strip()
        + "\n\nCompliant:\n"
        + rule.compliant().strip();
  }

  private static String truncate(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
