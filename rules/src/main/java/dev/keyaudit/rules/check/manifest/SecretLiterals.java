package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.SecretInConfig;
import dev.keyaudit.rules.model.Severity;
import java.util.HashMap;
import java.util.Map;

/** Builds the violation for a {@link SecretInConfig}: same message shape for KA402–KA404. */
final class SecretLiterals {

  private SecretLiterals() {}

  static Violation violation(
      String ruleId,
      Severity severity,
      SecretInConfig s,
      String what,
      String advice,
      String policyId,
      String threshold) {
    StringBuilder m =
        new StringBuilder(what)
            .append(" written as a literal under '")
            .append(s.key())
            .append("': ");
    m.append(s.secret().describe());
    if (s.placeholderDefault()) {
      m.append(", as the default of a placeholder (it applies whenever the variable is unset)");
    }
    int bytes = s.decodedBytes();
    if (bytes == 16 || bytes == 24 || bytes == 32) {
      m.append("; it decodes to ")
          .append(bytes)
          .append(" bytes, the size of an AES-")
          .append(bytes * 8)
          .append(" key");
    }
    m.append(". ").append(advice);
    Map<String, String> properties = new HashMap<>();
    properties.put("setting", s.key());
    properties.put("kind", s.kind().name());
    properties.put("secret", s.secret().describe());
    properties.put("placeholderDefault", Boolean.toString(s.placeholderDefault()));
    properties.put("entropy", String.format(java.util.Locale.ROOT, "%.2f", s.entropy()));
    if (bytes > 0) {
      properties.put("decodedBytes", Integer.toString(bytes));
    }
    return new Violation(
        ruleId, severity, m.toString(), s.location(), s.trace(), policyId, threshold, properties);
  }
}
