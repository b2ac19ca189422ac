package dev.keyaudit.rules.check.manifest;

import dev.keyaudit.rules.check.CheckContext;
import dev.keyaudit.rules.facts.SecretInConfig;
import java.util.Locale;

/** Reports a {@link SecretInConfig}: one message shape for KA402–KA404, never the value. */
final class SecretLiterals {

  private SecretLiterals() {}

  static CheckContext.ViolationBuilder violation(
      CheckContext context,
      String ruleId,
      SecretInConfig s,
      String what,
      String advice,
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
    m.append(". ").append(advice).append(" Policy ").append(context.policy().id()).append('.');
    return context
        .violation(ruleId, s)
        .trace(s.trace())
        .message(m.toString())
        .threshold(threshold)
        .property("setting", s.key())
        .property("kind", s.kind().name())
        .property("secret", s.secret().describe())
        .property("placeholderDefault", s.placeholderDefault())
        .property("entropy", String.format(Locale.ROOT, "%.2f", s.entropy()))
        .property("decodedBytes", bytes > 0 ? bytes : null);
  }
}
