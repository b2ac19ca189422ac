package dev.keyaudit.agent;

import dev.keyaudit.agent.config.AgentOptions;
import dev.keyaudit.agent.event.Decision;
import dev.keyaudit.agent.event.KeyEvent;
import dev.keyaudit.agent.event.KeyJudge;

/** Creates the policy judge named by the {@code policy} option. */
final class Judges {
  private Judges() {}

  static KeyJudge load(AgentOptions options) {
    // TEMPORARY until rules-catalog's PolicyEvaluator is merged
    return new KeyJudge() {
      @Override
      public Decision judge(KeyEvent event, boolean enforcing) {
        return null;
      }

      @Override
      public String policyId() {
        return options.policy();
      }
    };
  }
}
