package dev.keyaudit.agent.event;

import java.util.List;

/**
 * The policy's verdict on one key event.
 *
 * @param verdict {@code allow}, {@code violation} (audit mode) or {@code deny} (enforce mode)
 * @param rules the rule ids that were violated
 * @param reasons one message per violation
 */
public record Decision(String policy, String verdict, List<String> rules, List<String> reasons) {

  public Decision {
    rules = List.copyOf(rules);
    reasons = List.copyOf(reasons);
  }

  public boolean violated() {
    return !rules.isEmpty();
  }
}
