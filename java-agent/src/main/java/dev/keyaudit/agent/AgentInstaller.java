package dev.keyaudit.agent;

import dev.keyaudit.agent.bootstrap.Dispatcher;
import dev.keyaudit.agent.config.AgentOptions;
import dev.keyaudit.agent.event.KeyJudge;
import dev.keyaudit.agent.instrument.CallSiteTransformer;
import dev.keyaudit.agent.instrument.JcaTransformer;
import dev.keyaudit.agent.output.EventLog;
import dev.keyaudit.agent.output.JfrSink;
import dev.keyaudit.agent.output.LogRecord;
import dev.keyaudit.agent.output.SimpleRecord;
import dev.keyaudit.agent.output.StartupRecord;
import java.io.PrintStream;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.security.Provider;
import java.security.Security;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starts the agent once the dispatcher is on the boot class path: reads the options, opens the
 * event log, loads the policy, connects the {@link Recorder} and installs the instrumentation.
 * Called reflectively by {@link AgentEntry}; also used directly by in-JVM tests.
 */
public final class AgentInstaller {

  static final String VERSION = versionOf(AgentInstaller.class);

  private AgentInstaller() {}

  /** Installs the agent; returns a handle that stops it (tests, shutdown). */
  public static Handle install(String args, Instrumentation inst, boolean attached) {
    long start = System.nanoTime();
    PrintStream err = System.err;
    AgentOptions options = AgentOptions.load(args, System.getProperties());
    openJcaPackages(inst);
    KeyJudge judge = Judges.load(options, err);
    EventLog log =
        EventLog.open(options.log(), options.queueCapacity(), err)
            .flushEvery(options.flushMillis());
    Recorder recorder = new Recorder(options, log, judge);
    // before anything else loads: application classes loaded from now on name their call sites
    ClassFileTransformer callSites = new CallSiteTransformer();
    inst.addTransformer(callSites);
    log.runOnce(() -> recorder.connectJfr(JfrSink.createIfAvailable()));
    log.start();
    var transformer = new java.util.concurrent.atomic.AtomicReference<ClassFileTransformer>();
    List<String> providerPackages = new ArrayList<>(thirdPartyProviderPackages(attached));
    providerPackages.addAll(options.providers());
    boolean async = options.asyncStartup() && options.mode() == AgentOptions.Mode.AUDIT;
    long installMillis;
    // the start-up record is queued before the recorder is connected, so it is always the first
    // line: with a fast install, an attached JVM's next key would otherwise overtake it
    if (async) {
      // audit only: keys generated while the instrumentation installs are not seen (the start-up
      // record says so)
      installMillis = (System.nanoTime() - start) / 1_000_000;
      log.offer(startupRecord(options, judge, log, attached, true, installMillis));
      Dispatcher.install(recorder);
      Thread installer =
          new Thread(
              () -> {
                Dispatcher.markAgentThread();
                transformer.set(JcaTransformer.install(inst, providerPackages));
                log.offer(
                    new SimpleRecord("agent-instrumented")
                        .with(j -> j.put("event.outcome", "success")));
              },
              "keyaudit-agent-install");
      installer.setDaemon(true);
      installer.start();
    } else {
      long t0 = System.nanoTime();
      transformer.set(JcaTransformer.install(inst, providerPackages));
      if (options.verbose()) {
        err.println(
            "[keyaudit-agent] setup "
                + (t0 - start) / 1_000_000
                + " ms, instrumentation "
                + (System.nanoTime() - t0) / 1_000_000
                + " ms");
      }
      installMillis = (System.nanoTime() - start) / 1_000_000;
      log.offer(startupRecord(options, judge, log, attached, false, installMillis));
      Dispatcher.install(recorder);
    }
    Handle handle = new Handle(inst, callSites, transformer, recorder, log);
    Runtime.getRuntime().addShutdownHook(new Thread(handle::stop, "keyaudit-agent-shutdown"));
    if (options.verbose() || attached) {
      err.println(
          "[keyaudit-agent] "
              + VERSION
              + " installed in "
              + installMillis
              + " ms (mode="
              + options.mode().name().toLowerCase(java.util.Locale.ROOT)
              + ", policy="
              + judge.policyId()
              + ", log="
              + log.target()
              + ")");
    }
    if (attached) {
      err.println(
          "[keyaudit-agent] attached to a running JVM: keys generated before now were not seen, and"
              + " init arguments of existing generators are unknown (sizes are read from the keys)");
    }
    return handle;
  }

  private static LogRecord startupRecord(
      AgentOptions options,
      KeyJudge judge,
      EventLog log,
      boolean attached,
      boolean async,
      long installMillis) {
    return StartupRecord.create(
        VERSION,
        options.toString(),
        options.mode().name().toLowerCase(java.util.Locale.ROOT),
        judge.policyId(),
        log.target(),
        attached,
        async,
        installMillis);
  }

  /** Lets the agent read the {@code provider} fields of JCA engines without calling getters. */
  private static void openJcaPackages(Instrumentation inst) {
    Module base = Object.class.getModule();
    Module agent = AgentInstaller.class.getModule();
    if (inst.isModifiableModule(base)) {
      inst.redefineModule(
          base,
          Set.of(),
          Map.of(),
          Map.of("java.security", Set.of(agent), "javax.crypto", Set.of(agent)),
          Set.of(),
          Map.of());
    }
  }

  /**
   * Packages of installed providers outside the JDK, whose generators must be instrumented. At
   * start-up they are read from the {@code security.provider.N} properties: {@code
   * Security.getProviders()} would load and instantiate every provider in premain (a quarter of a
   * second of start-up on 2 cores). After an attach the application may have added providers, and
   * they are loaded anyway.
   */
  private static List<String> thirdPartyProviderPackages(boolean attached) {
    List<String> classNames = new ArrayList<>();
    if (attached) {
      for (Provider p : Security.getProviders()) {
        classNames.add(p.getClass().getName());
      }
    } else {
      for (int i = 1; i <= 64; i++) {
        String entry = Security.getProperty("security.provider." + i);
        if (entry != null && !entry.isBlank()) {
          // "class.Name [configuration]"; JDK providers may be given by name ("SUN"): no package
          classNames.add(entry.trim().split("\\s+")[0]);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (String cls : classNames) {
      int dot = cls.lastIndexOf('.');
      String pkg = dot < 0 ? "" : cls.substring(0, dot);
      if (!pkg.isEmpty()
          && !pkg.startsWith("sun.")
          && !pkg.startsWith("com.sun.")
          && !pkg.startsWith("java.")
          && !pkg.startsWith("jdk.")) {
        out.add(pkg);
      }
    }
    return out;
  }

  private static String versionOf(Class<?> c) {
    String v = c.getPackage() == null ? null : c.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** A running agent. */
  public static final class Handle {
    private final Instrumentation inst;
    private final ClassFileTransformer callSites;
    private final java.util.concurrent.atomic.AtomicReference<ClassFileTransformer> transformer;
    private final Recorder recorder;
    private final EventLog log;
    private boolean stopped;

    Handle(
        Instrumentation inst,
        ClassFileTransformer callSites,
        java.util.concurrent.atomic.AtomicReference<ClassFileTransformer> transformer,
        Recorder recorder,
        EventLog log) {
      this.inst = inst;
      this.callSites = callSites;
      this.transformer = transformer;
      this.recorder = recorder;
      this.log = log;
    }

    /** Flushes counters, writes {@code agent-stop} and closes the log (the shutdown hook). */
    public synchronized void stop() {
      if (stopped) {
        return;
      }
      stopped = true;
      Dispatcher.install(null);
      recorder.counters().flush(log);
      java.util.Map<String, Long> created = new java.util.TreeMap<>();
      recorder.rngCreations().forEach((k, v) -> created.put(k, v.sum()));
      List<String> createdList = new ArrayList<>();
      created.forEach((k, v) -> createdList.add(k + "=" + v));
      long observed = recorder.observed();
      long denied = recorder.denied();
      long fromCallSites = recorder.fromCallSites();
      long lost = log.lost();
      log.close(
          new SimpleRecord("agent-stop")
              .with(
                  j ->
                      j.put("event.outcome", "success")
                          .put("keyaudit.key_events", observed)
                          .put("keyaudit.denied", denied)
                          .put("keyaudit.callers_from_call_sites", fromCallSites)
                          .put("keyaudit.events_lost", lost)
                          .put("crypto.rng.created", createdList)),
          5_000);
    }

    /** Removes the instrumentation too (in-JVM tests). */
    public void uninstall() {
      stop();
      inst.removeTransformer(callSites);
      ClassFileTransformer t = transformer.get();
      if (t != null) {
        inst.removeTransformer(t);
      }
    }

    public long lost() {
      return log.lost();
    }
  }
}
