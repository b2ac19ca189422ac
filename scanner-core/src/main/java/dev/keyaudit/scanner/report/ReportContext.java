package dev.keyaudit.scanner.report;

import dev.keyaudit.rules.catalog.RuleDescriptor;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a writer needs besides the scan result: who wrote the report and the catalog entries of the
 * rules it may mention. Writers never look rules up themselves.
 *
 * @param toolName "KeyAudit"
 * @param toolVersion e.g. "0.1.0"; SARIF {@code semanticVersion} too when it is a semantic version
 * @param informationUri the project's home page (absolute URI), or null
 * @param rules catalog entries for every rule a finding may have (SARIF lists all of them)
 * @param automationCategory SARIF {@code automationDetails} category, e.g. "keyaudit/" or
 *     "keyaudit/module-a/" (a trailing {@code /} is added when missing); distinct per uploaded run
 * @param policyTitle the policy's human title, e.g. "NIST SP 800-131A Rev 2", or null
 * @param workingDirectory the directory KeyAudit ran in (SARIF {@code invocations}), or null for
 *     the scan root
 */
public record ReportContext(
    String toolName,
    String toolVersion,
    String informationUri,
    List<RuleDescriptor> rules,
    String automationCategory,
    String policyTitle,
    Path workingDirectory) {

  public static final String DEFAULT_TOOL_NAME = "KeyAudit";
  public static final String DEFAULT_CATEGORY = "keyaudit/";

  public ReportContext {
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(toolVersion, "toolVersion");
    rules = List.copyOf(rules);
    automationCategory =
        automationCategory == null || automationCategory.isBlank()
            ? DEFAULT_CATEGORY
            : automationCategory.endsWith("/") ? automationCategory : automationCategory + "/";
  }

  /** KeyAudit's name, the default category, no home page, policy title or working directory. */
  public ReportContext(String toolVersion, List<RuleDescriptor> rules) {
    this(DEFAULT_TOOL_NAME, toolVersion, null, rules, DEFAULT_CATEGORY, null, null);
  }

  public ReportContext withAutomationCategory(String category) {
    return new ReportContext(
        toolName, toolVersion, informationUri, rules, category, policyTitle, workingDirectory);
  }

  public ReportContext withInformationUri(String uri) {
    return new ReportContext(
        toolName, toolVersion, uri, rules, automationCategory, policyTitle, workingDirectory);
  }

  public ReportContext withPolicyTitle(String title) {
    return new ReportContext(
        toolName, toolVersion, informationUri, rules, automationCategory, title, workingDirectory);
  }

  public ReportContext withWorkingDirectory(Path directory) {
    return new ReportContext(
        toolName, toolVersion, informationUri, rules, automationCategory, policyTitle, directory);
  }

  public Optional<RuleDescriptor> rule(String id) {
    return rules.stream().filter(r -> r.id().equals(id)).findFirst();
  }
}
