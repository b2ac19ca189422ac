package dev.keyaudit.rules.catalog;

import dev.keyaudit.rules.model.Severity;
import java.util.List;

/**
 * One catalog entry, loaded from {@code
 * rules/src/main/resources/dev/keyaudit/rules/catalog/*.yaml}. Ids are stable: never renamed, never
 * reused.
 *
 * @param id {@code KAnnn}
 * @param name UpperCamelCase name, e.g. "WeakKeySize"
 * @param title one line (SARIF shortDescription)
 * @param description full description (SARIF fullDescription, at most 1024 chars)
 * @param guidelines CEK-10 auditing guideline numbers this rule evidences
 * @param cwe CWE numbers
 * @param defaultSeverity level when the policy does not override it
 * @param securitySeverity SARIF {@code security-severity} score, "0.0".."10.0"
 * @param precision SARIF precision: very-high, high, medium, low
 * @param help Markdown guidance (how to fix), without the examples
 * @param noncompliant a non-compliant Java (or config) example
 * @param compliant the compliant version of the same example
 */
public record RuleDescriptor(
    String id,
    String name,
    String title,
    String description,
    List<Integer> guidelines,
    List<Integer> cwe,
    Severity defaultSeverity,
    String securitySeverity,
    String precision,
    String help,
    String noncompliant,
    String compliant)
    implements java.io.Serializable {

  public RuleDescriptor {
    guidelines = List.copyOf(guidelines);
    cwe = List.copyOf(cwe);
  }

  /** Help with both examples, as SARIF {@code help.markdown} and the CLI show it. */
  public String helpMarkdown() {
    return help.strip()
        + "\n\n**Non-compliant**\n\n```java\n"
        + noncompliant.strip()
        + "\n```\n\n**Compliant**\n\n```java\n"
        + compliant.strip()
        + "\n```\n";
  }

  /** SARIF tags: security, cryptography, CEK-10 and the CWE ids in GitHub's form. */
  public List<String> tags() {
    var tags = new java.util.ArrayList<String>(List.of("security", "cryptography", "CEK-10"));
    cwe.forEach(n -> tags.add("external/cwe/cwe-" + n));
    return List.copyOf(tags);
  }
}
