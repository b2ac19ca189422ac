package dev.keyaudit.agent;

import dev.keyaudit.agent.config.AgentOptions;
import dev.keyaudit.agent.event.Decision;
import dev.keyaudit.agent.event.KeyEvent;
import dev.keyaudit.agent.event.KeyJudge;
import dev.keyaudit.agent.policy.PolicyJudge;
import java.io.PrintStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Creates the judge named by the {@code policy} option. The policy (YAML, Jackson) loads on a
 * background thread so it adds nothing to start-up; the first judgement waits for it. A policy that
 * fails to load is reported once and every event is then logged without a decision, except in
 * enforce mode, where the failure is the decision: nothing can be approved without a policy.
 */
final class Judges {

  private Judges() {}

  static KeyJudge load(AgentOptions options, PrintStream diagnostics) {
    String id = options.policy();
    if ("none".equals(id)) {
      return new KeyJudge() {
        @Override
        public Decision judge(KeyEvent event, boolean enforcing) {
          return null;
        }

        @Override
        public String policyId() {
          return "none";
        }
      };
    }
    CompletableFuture<PolicyJudge> loading = new CompletableFuture<>();
    Thread loader =
        new Thread(
            () -> {
              dev.keyaudit.agent.bootstrap.Dispatcher.markAgentThread();
              try {
                loading.complete(new PolicyJudge(id, options.allowedCallers()));
              } catch (Throwable t) {
                diagnostics.println("[keyaudit-agent] cannot load policy '" + id + "': " + t);
                loading.completeExceptionally(t);
              }
            },
            "keyaudit-agent-policy");
    loader.setDaemon(true);
    loader.start();
    return new KeyJudge() {
      @Override
      public Decision judge(KeyEvent event, boolean enforcing) {
        try {
          return loading.get().judge(event, enforcing);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return unavailable(enforcing, e);
        } catch (ExecutionException e) {
          return unavailable(enforcing, e.getCause());
        }
      }

      @Override
      public String policyId() {
        return id;
      }

      private Decision unavailable(boolean enforcing, Throwable why) {
        return new Decision(
            id,
            enforcing ? "deny" : "unavailable",
            java.util.List.of(),
            java.util.List.of("policy '" + id + "' could not be loaded: " + why));
      }
    };
  }
}
