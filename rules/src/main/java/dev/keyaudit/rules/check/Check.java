package dev.keyaudit.rules.check;

import dev.keyaudit.rules.facts.Fact;
import java.util.Set;

/**
 * Judges facts against the policy for one rule family. A check reads thresholds from {@link
 * CheckContext#policy()}, never from constants of its own, and reports only the rule ids it
 * declares. Checks are stateless, so one instance serves every thread.
 */
public interface Check {

  /** The catalog ids this check reports. */
  Set<String> ruleIds();

  /**
   * Judges {@code fact}, reporting through {@code context}; facts it does not handle are ignored.
   */
  void evaluate(Fact fact, CheckContext context);
}
