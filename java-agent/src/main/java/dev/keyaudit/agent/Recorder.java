package dev.keyaudit.agent;

import dev.keyaudit.agent.bootstrap.Hooks;
import dev.keyaudit.agent.config.AgentOptions;
import dev.keyaudit.agent.config.AttributeSource;
import dev.keyaudit.agent.event.CallSites;
import dev.keyaudit.agent.event.Caller;
import dev.keyaudit.agent.event.CallerLocator;
import dev.keyaudit.agent.event.Decision;
import dev.keyaudit.agent.event.InitInfo;
import dev.keyaudit.agent.event.KeyEvent;
import dev.keyaudit.agent.event.KeyFacts;
import dev.keyaudit.agent.event.KeyJudge;
import dev.keyaudit.agent.event.ProviderReader;
import dev.keyaudit.agent.event.RngDescriber;
import dev.keyaudit.agent.event.RngInfo;
import dev.keyaudit.agent.event.RngSharing;
import dev.keyaudit.agent.output.EventLog;
import dev.keyaudit.agent.output.JfrSink;
import dev.keyaudit.agent.output.KeyCounters;
import dev.keyaudit.agent.output.KeyEventRecord;
import dev.keyaudit.agent.output.SimpleRecord;
import java.security.InvalidParameterException;
import java.security.ProviderException;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;

/**
 * The agent's {@link Hooks}: turns advice calls into {@link KeyEvent}s on the application thread
 * (observation only: caller, key size from the key, the RNG drawn from), hands them to the event
 * log, and in enforce mode judges them on the spot and returns the exception to throw.
 */
final class Recorder implements Hooks {

  private final AgentOptions options;

  /** The caller filters, parsed once (they are read for every event). */
  private final List<String> include;

  private final List<String> exclude;
  private final EventLog log;
  private final KeyJudge judge;
  private final boolean enforce;

  /** Whether the log or enforce mode needs events; JFR is asked per event. */
  private final boolean active;

  private final AttributeSource tenant;
  private final AttributeSource environment;
  private final AttributeSource service;
  private volatile JfrSink jfr;
  private final RngDescriber rngs = new RngDescriber();
  private final RngSharing sharing = new RngSharing();
  private final KeyCounters counters = new KeyCounters();
  private final Map<Object, InitInfo> inits = Collections.synchronizedMap(new WeakHashMap<>());
  private final Map<Object, int[]> reseeds = Collections.synchronizedMap(new WeakHashMap<>());
  private final Map<String, LongAdder> rngCreations = new ConcurrentHashMap<>();
  private final AtomicLong observed = new AtomicLong();
  private final AtomicLong denied = new AtomicLong();

  /** Key events whose caller came from a woven call site instead of a stack walk. */
  private final AtomicLong fromCallSites = new AtomicLong();

  /** One instance, not a new method reference per event. */
  private final UnaryOperator<KeyEvent> auditJudge = this::judgeForAudit;

  Recorder(AgentOptions options, EventLog log, KeyJudge judge) {
    this.options = options;
    this.include = options.include();
    this.exclude = options.exclude();
    this.log = log;
    this.judge = judge;
    this.enforce = options.mode() == AgentOptions.Mode.ENFORCE;
    this.active = log.writes() || enforce;
    this.tenant = AttributeSource.parse(options.tenant());
    this.environment = AttributeSource.parse(options.environment());
    this.service = AttributeSource.parse(options.service());
    log.addPeriodic(() -> counters.flush(log));
  }

  /** Connects JFR later: registering the event type costs start-up time. */
  void connectJfr(JfrSink sink) {
    this.jfr = sink;
  }

  KeyCounters counters() {
    return counters;
  }

  long observed() {
    return observed.get();
  }

  long denied() {
    return denied.get();
  }

  long fromCallSites() {
    return fromCallSites.get();
  }

  /** The caller named by a woven call site, else the first application frame on the stack. */
  private Caller caller(Class<?> siteOwner, int site) {
    Caller c = CallSites.caller(siteOwner, site);
    if (c == null) {
      return CallerLocator.locate();
    }
    fromCallSites.incrementAndGet();
    return c;
  }

  Map<String, LongAdder> rngCreations() {
    return rngCreations;
  }

  @Override
  public boolean usesCallSites() {
    return active;
  }

  @Override
  public RuntimeException onInit(Object generator, Object[] args) {
    InitInfo info = InitInfo.of(args);
    if (CallerLocator.initCalledByJdk()) {
      // a provider initialising itself: the application still chose nothing
      info = new InitInfo(false, info.size(), info.curve(), false);
    }
    inits.put(generator, info);
    if (!enforce || !info.sizeExplicit()) {
      return null;
    }
    KeyEvent candidate =
        candidate(generator, info.size(), info.curve(), info, CallerLocator.locate());
    Decision d = judgeForEnforce(candidate);
    if (d == null) {
      return null;
    }
    logDenial(candidate.withDecision(d), "initialize");
    return new InvalidParameterException(message(candidate, d));
  }

  @Override
  public RuntimeException beforeGeneration(Object generator, Class<?> siteOwner, int site) {
    if (!enforce) {
      return null;
    }
    InitInfo info = inits.getOrDefault(generator, InitInfo.NONE);
    Caller caller = CallSites.caller(siteOwner, site);
    KeyEvent candidate =
        candidate(
            generator,
            info.size(),
            info.curve(),
            info,
            caller != null ? caller : CallerLocator.locate());
    Decision d = judgeForEnforce(candidate);
    if (d == null) {
      return null;
    }
    logDenial(candidate.withDecision(d), "generate");
    return new ProviderException(message(candidate, d));
  }

  @Override
  public RuntimeException afterGeneration(
      Object generator, Object key, Throwable thrown, Object rng, Class<?> siteOwner, int site) {
    JfrSink sink = jfr;
    boolean toJfr = sink != null && sink.enabled();
    if (!active && !toJfr) {
      // nothing to emit: the disabled path allocates nothing
      return null;
    }
    String algorithm = ProviderReader.algorithmOf(generator);
    Caller caller = caller(siteOwner, site);
    String purpose = purpose(algorithm, caller);
    if ("application".equals(purpose) && !recorded(caller)) {
      return null;
    }
    observed.incrementAndGet();
    InitInfo info = inits.getOrDefault(generator, InitInfo.NONE);
    KeyFacts facts = thrown == null ? KeyFacts.of(key) : null;
    RngInfo rngInfo = rng == null ? null : rngs.describe(rng);
    String tenantNow = tenant.resolveTenant();
    String environmentNow = environment.resolve();
    List<String> sharedWith =
        "application".equals(purpose) ? sharing.observe(rng, tenantNow, environmentNow) : List.of();
    KeyEvent e =
        new KeyEvent(
            Instant.now(),
            "key-generation",
            thrown == null ? "success" : "failure",
            thrown == null ? null : thrown.getClass().getName() + ": " + thrown.getMessage(),
            api(generator),
            facts != null && facts.algorithm() != null ? facts.algorithm() : algorithm,
            facts != null && facts.size() > 0 ? facts.size() : info.size(),
            facts != null && facts.curve() != null ? facts.curve() : info.curve(),
            facts != null ? facts.type() : null,
            ProviderReader.providerOf(generator),
            info.sizeExplicit(),
            info.rngExplicit(),
            purpose,
            rngInfo,
            rng == null ? 0 : System.identityHashCode(rng),
            reseedCount(rng),
            sharedWith,
            facts == null ? null : facts.publicKey(),
            caller,
            Thread.currentThread().getName(),
            tenantNow,
            environmentNow,
            service.resolve(),
            null);
    if (toJfr) {
      sink.emit(e);
    }
    if (!active) {
      return null;
    }
    if (!"application".equals(purpose) && options.aggregateTls()) {
      counters.count(e);
      return null;
    }
    if (!sharedWith.isEmpty()) {
      reportSharing(e);
    }
    if (enforce && thrown == null) {
      Decision d = judge.judge(e, true);
      KeyEvent judged = e.withDecision(d);
      if (d != null && "deny".equals(d.verdict())) {
        denied.incrementAndGet();
        log.offer(new KeyEventRecord(blocked(judged, ""), UnaryOperator.identity()));
        return new ProviderException(message(judged, d));
      }
      log.offer(new KeyEventRecord(judged, UnaryOperator.identity()));
      return null;
    }
    log.offer(new KeyEventRecord(e, auditJudge));
    return null;
  }

  @Override
  public void onRngCreated(Object rng) {
    if (rng instanceof java.security.SecureRandom sr) {
      rngCreations
          .computeIfAbsent(String.valueOf(sr.getAlgorithm()), k -> new LongAdder())
          .increment();
    }
  }

  @Override
  public void onRngSeeded(Object rng, boolean reseed) {
    synchronized (reseeds) {
      reseeds.computeIfAbsent(rng, k -> new int[1])[0]++;
    }
  }

  @Override
  public void onKeyBuilt(String algorithm, int lengthBytes) {
    if (!active || CallerLocator.calledByJdk("javax.crypto.spec.SecretKeySpec")) {
      return;
    }
    Caller caller = CallerLocator.locate();
    if (!recorded(caller)) {
      return;
    }
    log.offer(
        new KeyEventRecord(
            other(
                "key-construction",
                "SecretKeySpec.<init>",
                algorithm,
                lengthBytes * 8,
                null,
                "secret",
                null,
                caller),
            UnaryOperator.identity()));
  }

  @Override
  public void onKeyLoaded(Object factory, Object key) {
    if (!active) {
      return;
    }
    Caller caller = CallerLocator.locate();
    if (!recorded(caller)) {
      return;
    }
    KeyFacts facts = KeyFacts.of(key);
    log.offer(
        new KeyEventRecord(
            other(
                "key-load",
                "KeyFactory.generatePrivate",
                facts.algorithm(),
                facts.size(),
                facts.curve(),
                facts.type(),
                ProviderReader.providerOf(factory),
                caller),
            UnaryOperator.identity()));
  }

  private KeyEvent other(
      String action,
      String api,
      String algorithm,
      int size,
      String curve,
      String type,
      String provider,
      Caller caller) {
    return new KeyEvent(
        Instant.now(),
        action,
        "success",
        null,
        api,
        algorithm,
        size,
        curve,
        type,
        provider,
        true,
        false,
        "application",
        null,
        0,
        0,
        List.of(),
        null,
        caller,
        Thread.currentThread().getName(),
        tenant.resolveTenant(),
        environment.resolve(),
        service.resolve(),
        null);
  }

  private KeyEvent candidate(
      Object generator, int size, String curve, InitInfo info, Caller caller) {
    return new KeyEvent(
        Instant.now(),
        "key-generation",
        "success",
        null,
        api(generator),
        ProviderReader.algorithmOf(generator),
        size,
        curve,
        null,
        null,
        info.sizeExplicit(),
        info.rngExplicit(),
        purpose(ProviderReader.algorithmOf(generator), caller),
        null,
        0,
        0,
        List.of(),
        null,
        caller,
        Thread.currentThread().getName(),
        tenant.resolveTenant(),
        environment.resolve(),
        service.resolve(),
        null);
  }

  /** A denial for enforce mode, or null; TLS and derivation keys are never blocked. */
  private Decision judgeForEnforce(KeyEvent candidate) {
    if (!"application".equals(candidate.purpose()) || !recorded(candidate.caller())) {
      return null;
    }
    Decision d = judge.judge(candidate, true);
    return d != null && "deny".equals(d.verdict()) ? d : null;
  }

  /** A generation refused before any key existed: logged as a failed key-generation. */
  private void logDenial(KeyEvent judged, String stage) {
    denied.incrementAndGet();
    KeyEvent e = blocked(judged, " at " + stage + ", before any key existed");
    log.offer(new KeyEventRecord(e, UnaryOperator.identity()));
  }

  private KeyEvent judgeForAudit(KeyEvent e) {
    return e.withDecision(judge.judge(e, false));
  }

  /** {@code e} as a failed generation; {@code when} is appended to the reason. */
  private static KeyEvent blocked(KeyEvent e, String when) {
    return new KeyEvent(
        e.timestamp(),
        e.action(),
        "failure",
        "blocked by policy " + e.decision().policy() + when,
        e.api(),
        e.algorithm(),
        e.keySize(),
        e.curve(),
        e.keyType(),
        e.provider(),
        e.sizeExplicit(),
        e.rngExplicit(),
        e.purpose(),
        e.rng(),
        e.rngIdentity(),
        e.rngReseeds(),
        e.rngSharedWith(),
        null,
        e.caller(),
        e.thread(),
        e.tenant(),
        e.environment(),
        e.service(),
        e.decision());
  }

  private void reportSharing(KeyEvent e) {
    log.offer(
        new SimpleRecord("rng-shared")
            .with(
                j ->
                    j.put("event.outcome", "success")
                        .put(
                            "event.reason",
                            "one SecureRandom instance serves several tenants or environments")
                        .put("crypto.rng.algorithm", e.rng() == null ? null : e.rng().algorithm())
                        .put("crypto.rng.raw", e.rng() == null ? null : e.rng().description())
                        .put("crypto.rng.instance_id", e.rngInstanceId())
                        .put("organization.id", e.tenant())
                        .put("deployment.environment.name", e.environment())
                        .put("keyaudit.shared_with", e.rngSharedWith())));
  }

  static String message(KeyEvent e, Decision d) {
    String what =
        e.algorithm()
            + (e.keySize() > 0 ? " " + e.keySize() + " bits" : "")
            + (e.curve() != null ? " (" + e.curve() + ")" : "");
    return "KeyAudit agent (mode=enforce, policy "
        + d.policy()
        + ") blocked key generation "
        + what
        + ": "
        + String.join("; ", d.reasons())
        + " ["
        + String.join(", ", d.rules())
        + "]";
  }

  private int reseedCount(Object rng) {
    if (rng == null) {
      return 0;
    }
    int[] n = reseeds.get(rng);
    return n == null ? 0 : n[0];
  }

  private static String api(Object generator) {
    return generator instanceof javax.crypto.KeyGenerator
        ? "KeyGenerator.generateKey"
        : "KeyPairGenerator.generateKeyPair";
  }

  private static String purpose(String algorithm, Caller caller) {
    if (algorithm != null && algorithm.regionMatches(true, 0, "SunTls", 0, 6)) {
      return "derivation";
    }
    return caller.tls() ? "tls-ephemeral" : "application";
  }

  /** The include/exclude caller filters. */
  private boolean recorded(Caller caller) {
    String cls = caller.known() ? caller.className() : "";
    for (String p : exclude) {
      if (cls.startsWith(p)) {
        return false;
      }
    }
    if (include.isEmpty()) {
      return true;
    }
    for (String p : include) {
      if (cls.startsWith(p)) {
        return true;
      }
    }
    return false;
  }
}
