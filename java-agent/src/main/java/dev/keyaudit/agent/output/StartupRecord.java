package dev.keyaudit.agent.output;

import dev.keyaudit.agent.bootstrap.Dispatcher;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code agent-start} record: the JVM's RNG configuration as evidence ({@code
 * securerandom.source}, {@code java.security.egd}, {@code securerandom.drbg.config}, strong
 * algorithms, provider order, what {@code new SecureRandom()} resolves to) plus the agent's own
 * settings. After a dynamic attach it also says what the agent could not see.
 */
public final class StartupRecord {

  private StartupRecord() {}

  /** Builds the record; the probes run when it is written, under the recursion guard. */
  public static SimpleRecord create(
      String agentVersion,
      String options,
      String mode,
      String policy,
      String logTarget,
      boolean attached,
      boolean asyncInstall,
      long installMillis) {
    return new SimpleRecord(attached ? "agent-attach" : "agent-start")
        .with(
            j -> {
              // probed on the writer thread: the start-up path stays short
              List<String> providers = new ArrayList<>();
              for (Provider p : Security.getProviders()) {
                providers.add(p.getName() + " " + p.getVersionStr());
              }
              String defaultRng;
              boolean guard = Dispatcher.enterAgent();
              try {
                SecureRandom sr = new SecureRandom();
                defaultRng = sr.getAlgorithm() + " (" + sr.getProvider().getName() + ") " + sr;
              } finally {
                if (guard) {
                  Dispatcher.exitAgent();
                }
              }
              String source = Security.getProperty("securerandom.source");
              String egd = System.getProperty("java.security.egd");
              String drbg = Security.getProperty("securerandom.drbg.config");
              String strong = Security.getProperty("securerandom.strongAlgorithms");
              String rng = defaultRng;
              j.put("event.outcome", "success")
                  .put("keyaudit.agent.version", agentVersion)
                  .put("keyaudit.agent.options", options)
                  .put("keyaudit.mode", mode)
                  .put("keyaudit.policy", policy)
                  .put("keyaudit.log", logTarget)
                  .put("keyaudit.agent.install_ms", installMillis)
                  .put("process.pid", ProcessHandle.current().pid())
                  .put("process.runtime.name", System.getProperty("java.runtime.name"))
                  .put("process.runtime.version", System.getProperty("java.runtime.version"))
                  .put("process.runtime.vendor", System.getProperty("java.vendor"))
                  .put("crypto.config.securerandom.source", source)
                  .put("crypto.config.java.security.egd", egd)
                  .put("crypto.config.securerandom.drbg.config", drbg == null ? "" : drbg)
                  .put("crypto.config.securerandom.strongAlgorithms", strong)
                  .put("crypto.config.providers", providers)
                  .put("crypto.config.default_rng", rng);
              if (asyncInstall && !attached) {
                j.put(
                    "keyaudit.coverage",
                    List.of(
                        "startup=async: instrumentation installs in the background; key"
                            + " generations before the agent-instrumented record are not seen"));
              }
              if (attached) {
                j.put(
                    "keyaudit.coverage",
                    List.of(
                        "attached to a running JVM: key generations before this record were not seen",
                        "init arguments of generators created before the attach are unknown (sizes come from the keys)",
                        "key generations already in progress are not recorded"));
              }
            });
  }
}
