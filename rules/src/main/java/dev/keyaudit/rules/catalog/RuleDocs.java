package dev.keyaudit.rules.catalog;

import dev.keyaudit.rules.jca.DigestUse;
import dev.keyaudit.rules.jca.KeyFamily;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.policy.AlgorithmRule;
import dev.keyaudit.rules.policy.AlgorithmStatus;
import dev.keyaudit.rules.policy.DigestRule;
import dev.keyaudit.rules.policy.Policy;
import dev.keyaudit.rules.policy.RngPolicy;
import dev.keyaudit.rules.policy.Threshold;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders the catalog and the policies as Markdown: the rules table, one rule's page, the policies
 * table and one policy's thresholds with their sources. The CLI and the README generation call
 * these; rule documentation is never written by hand.
 */
public final class RuleDocs {

  /** First line of every generated file. */
  public static final String GENERATED_BANNER =
      "<!-- Generated from the KeyAudit rule catalog and policies (RuleDocs). Do not edit. -->";

  private RuleDocs() {}

  /** | Id | Name | Title | Default severity | CWE | CEK-10 guidelines |, one row per rule. */
  public static String rulesTable(RuleCatalog catalog) {
    StringBuilder md = new StringBuilder();
    md.append("| Id | Name | Title | Default severity | CWE | CEK-10 guidelines |\n");
    md.append("|---|---|---|---|---|---|\n");
    for (RuleDescriptor rule : catalog.rules()) {
      md.append("| ")
          .append(rule.id())
          .append(" | ")
          .append(cell(rule.name()))
          .append(" | ")
          .append(cell(rule.title()))
          .append(" | ")
          .append(severity(rule.defaultSeverity()))
          .append(" | ")
          .append(cwes(rule.cwe()))
          .append(" | ")
          .append(joined(rule.guidelines()))
          .append(" |\n");
    }
    return md.toString();
  }

  /** One rule's page: title, metadata, description, how to fix, examples. */
  public static String rule(RuleDescriptor rule) {
    return "# "
        + rule.id()
        + " "
        + rule.name()
        + "\n\n**"
        + rule.title()
        + "**\n\n"
        + "| | |\n|---|---|\n"
        + "| Default severity | "
        + severity(rule.defaultSeverity())
        + " |\n"
        + "| Security severity | "
        + rule.securitySeverity()
        + " |\n"
        + "| Precision | "
        + rule.precision()
        + " |\n"
        + "| CWE | "
        + cwes(rule.cwe())
        + " |\n"
        + "| CEK-10 auditing guidelines | "
        + joined(rule.guidelines())
        + " |\n\n"
        + "## Description\n\n"
        + rule.description().strip()
        + "\n\n## How to fix\n\n"
        + rule.helpMarkdown().strip()
        + "\n";
  }

  /** One row per policy with its key thresholds. */
  public static String policiesTable(List<Policy> policies) {
    StringBuilder md = new StringBuilder();
    md.append("| Id | Title | Extends | RSA / DSA / DH | EC | AES | HMAC key | Approved curves")
        .append(" | Random generation | PBKDF2 iterations | Quantum transition |\n");
    md.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (Policy p : policies) {
      md.append("| ")
          .append(p.id())
          .append(" | ")
          .append(cell(p.title()))
          .append(" | ")
          .append(p.chain().size() > 1 ? p.chain().get(1) : "—")
          .append(" | ")
          .append(min(p, KeyFamily.RSA))
          .append(" / ")
          .append(min(p, KeyFamily.DSA))
          .append(" / ")
          .append(min(p, KeyFamily.DH))
          .append(" | ")
          .append(min(p, KeyFamily.EC))
          .append(" | ")
          .append(min(p, KeyFamily.AES))
          .append(" | ")
          .append(min(p, KeyFamily.HMAC))
          .append(" | ")
          .append(cell(p.curves().names()))
          .append(" | ")
          .append(cell(rngSummary(p.rng())))
          .append(" | ")
          .append(String.format(Locale.ROOT, "≥ %,d", p.kdf().minIterations().value()))
          .append(" | ")
          .append(
              cell(
                  p.quantumTransition()
                      .map(
                          q ->
                              "deprecated after "
                                  + q.deprecatedAfter()
                                  + (q.deprecatedUpToStrength() == null
                                      ? ""
                                      : " (≤ " + q.deprecatedUpToStrength() + "-bit)")
                                  + ", disallowed after "
                                  + q.disallowedAfter())
                      .orElse("—")))
          .append(" |\n");
    }
    return md.toString();
  }

  /** Every threshold of one policy with the document it comes from: the auditor's view. */
  public static String policy(Policy p) {
    StringBuilder md = new StringBuilder();
    md.append("# ").append(p.id()).append(" — ").append(p.title()).append("\n\n");
    md.append(p.description().strip()).append("\n\n");
    if (p.chain().size() > 1) {
      md.append("Extends: ").append(String.join(" → ", p.chain().subList(1, p.chain().size())));
      md.append(".\n\n");
    }
    md.append("| Threshold | Value | Source |\n|---|---|---|\n");
    row(md, "Strength specified explicitly (KA104)", p.requireExplicitStrength());
    for (KeyFamily family : KeyFamily.values()) {
      Threshold<Integer> t = p.minKeySize(family);
      md.append("| Minimum ")
          .append(family)
          .append(" ")
          .append(family.measure())
          .append(" (KA102) | ")
          .append(t.value())
          .append(" bits | ")
          .append(cell(t.source()))
          .append(" |\n");
    }
    md.append("| Approved curves (KA103) | ")
        .append(cell(p.curves().names()))
        .append(" | ")
        .append(cell(p.curves().source()))
        .append(" |\n");
    for (AlgorithmRule rule :
        p.algorithms().values().stream()
            .sorted(Comparator.comparing(AlgorithmRule::algorithm))
            .toList()) {
      md.append("| ")
          .append(cell(rule.algorithm()))
          .append(" (KA101) | ")
          .append(algorithmStatus(rule))
          .append(" | ")
          .append(cell(rule.source()))
          .append(" |\n");
    }
    for (DigestRule rule :
        p.digests().values().stream().sorted(Comparator.comparing(DigestRule::digest)).toList()) {
      md.append("| ")
          .append(cell(rule.digest()))
          .append(" (KA101) | ")
          .append(digestStatus(rule))
          .append(" | ")
          .append(cell(rule.source()))
          .append(" |\n");
    }
    RngPolicy rng = p.rng();
    row(md, "Cryptographic RNG for secrets (KA201)", rng.requireCryptographicRng());
    row(md, "SP 800-90A DRBG required (KA202)", rng.requireDrbg());
    md.append("| SecureRandom algorithms refused (KA202) | ")
        .append(String.join(", ", rng.disallowedAlgorithms().value()))
        .append(" | ")
        .append(cell(rng.disallowedAlgorithms().source()))
        .append(" |\n");
    row(md, "No predictable seeds (KA203)", rng.forbidPredictableSeeds());
    row(md, "DRBG strength ≥ key strength (KA204)", rng.drbgStrengthAtLeastKeyStrength());
    row(md, "Minimum DRBG strength in bits (KA204)", rng.minDrbgStrength());
    row(md, "Prediction resistance (KA204)", rng.requirePredictionResistance());
    row(md, "Explicit SecureRandom (KA205)", rng.requireExplicitRng());
    row(md, "No hardcoded keys (KA301)", p.secrets().forbidHardcodedKeys());
    row(md, "No embedded private keys (KA302)", p.secrets().forbidEmbeddedPrivateKeys());
    row(md, "No hardcoded key passwords (KA303)", p.secrets().forbidHardcodedPasswords());
    row(md, "Credential entropy, bits per char (KA404)", p.secrets().minCredentialEntropy());
    row(md, "Credential length, chars (KA404)", p.secrets().minCredentialLength());
    row(md, "Minimum PBKDF iterations (KA304)", p.kdf().minIterations());
    row(md, "Minimum salt bytes (KA304)", p.kdf().minSaltBytes());
    row(md, "Minimum derived key bits (KA304)", p.kdf().minDerivedKeyBits());
    row(md, "No constant salts (KA305)", p.kdf().forbidConstantSalt());
    p.quantumTransition()
        .ifPresent(
            q -> {
              md.append("| Classical keys deprecated after (KA105) | ")
                  .append(q.deprecatedAfter())
                  .append(
                      q.deprecatedUpToStrength() == null
                          ? ""
                          : " (keys ≤ " + q.deprecatedUpToStrength() + "-bit)")
                  .append(" | ")
                  .append(cell(q.deprecatedSource()))
                  .append(" |\n");
              md.append("| Classical keys disallowed after (KA105) | ")
                  .append(q.disallowedAfter())
                  .append(" | ")
                  .append(cell(q.disallowedSource()))
                  .append(" |\n");
            });
    p.ruleOverrides()
        .forEach(
            (id, o) ->
                md.append("| Rule ")
                    .append(id)
                    .append(" | ")
                    .append(o.enabled() ? "enabled" : "disabled")
                    .append(o.fixedSeverity().map(s -> ", severity " + severity(s)).orElse(""))
                    .append(" | policy setting |\n"));
    return md.toString();
  }

  private static void row(StringBuilder md, String what, Threshold<?> t) {
    Object v = t.value();
    String value = v instanceof Boolean b ? (b ? "yes" : "no") : String.valueOf(v);
    md.append("| ")
        .append(what)
        .append(" | ")
        .append(value)
        .append(" | ")
        .append(cell(t.source()))
        .append(" |\n");
  }

  private static String algorithmStatus(AlgorithmRule rule) {
    StringBuilder s = new StringBuilder(rule.status().label());
    if (rule.deprecatedAfter() != null) {
      s.append(", deprecated after ").append(rule.deprecatedAfter());
    }
    if (rule.disallowedAfter() != null) {
      s.append(", disallowed after ").append(rule.disallowedAfter());
    }
    return s.toString();
  }

  private static String digestStatus(DigestRule rule) {
    return List.of(DigestUse.values()).stream()
        .filter(use -> rule.statusFor(use) != AlgorithmStatus.ACCEPTABLE)
        .map(use -> use.name().toLowerCase(Locale.ROOT) + ": " + rule.statusFor(use).label())
        .collect(
            Collectors.collectingAndThen(
                Collectors.joining(", "), s -> s.isEmpty() ? "acceptable" : s));
  }

  private static String min(Policy p, KeyFamily family) {
    return String.valueOf(p.minKeySize(family).value());
  }

  private static String rngSummary(RngPolicy rng) {
    String mechanism =
        rng.requireDrbg().value()
            ? "SP 800-90A DRBG"
            : "no " + String.join("/", rng.disallowedAlgorithms().value());
    String explicit = rng.requireExplicitRng().value() ? ", passed explicitly" : "";
    return mechanism + explicit + ", DRBG ≥ " + rng.minDrbgStrength().value() + " bits";
  }

  private static String severity(Severity s) {
    return s.sarifLevel();
  }

  private static String cwes(List<Integer> cwe) {
    return cwe.stream()
        .map(n -> "[CWE-" + n + "](https://cwe.mitre.org/data/definitions/" + n + ".html)")
        .collect(Collectors.joining(", "));
  }

  private static String joined(List<Integer> numbers) {
    return numbers.stream().map(String::valueOf).collect(Collectors.joining(", "));
  }

  private static String cell(String text) {
    return text.strip().replace("\n", " ").replace("|", "\\|");
  }
}
