package dev.keyaudit.agent.policy;

import dev.keyaudit.agent.event.Caller;
import dev.keyaudit.agent.event.Decision;
import dev.keyaudit.agent.event.KeyEvent;
import dev.keyaudit.agent.event.KeyJudge;
import dev.keyaudit.agent.event.RngInfo;
import dev.keyaudit.rules.check.BuiltInChecks;
import dev.keyaudit.rules.check.Evaluation;
import dev.keyaudit.rules.check.PolicyEvaluator;
import dev.keyaudit.rules.check.Violation;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.ObservedKeyGeneration;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.rules.policy.Policies;
import dev.keyaudit.rules.policy.Policy;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Judges agent events with the scanner's own evaluator: an observed RSA/1024 becomes the same
 * {@link KeyPairGeneration} fact that {@code initialize(1024)} in source becomes, with {@link
 * Value#known} values taken from the key and a location at the calling line; the runtime side
 * (caller, tenant, RNG sharing) becomes an {@link ObservedKeyGeneration} fact for the KA5xx rules.
 */
public final class PolicyJudge implements KeyJudge {

  /** Distinct judged inputs remembered; past it the memory starts over. */
  private static final int MAX_REMEMBERED = 1024;

  private final PolicyEvaluator evaluator;
  private final List<String> allowedCallers;

  /**
   * Decisions by everything {@link #facts} reads: a service generating the same key at the same
   * line gets the same decision, and evaluating it again was a third of the writer's time per
   * event.
   */
  private final Map<Inputs, Decision> decided = new ConcurrentHashMap<>();

  /** The last decision, checked by identity before the map (hashing the inputs costs more). */
  private volatile Judged last;

  private record Judged(Inputs inputs, Decision decision) {}

  private record Inputs(
      String algorithm,
      int keySize,
      boolean sizeExplicit,
      String keyType,
      String curve,
      boolean rngExplicit,
      RngInfo rng,
      Caller caller,
      String tenant,
      String environment,
      List<String> rngSharedWith,
      boolean enforcing) {

    /**
     * Equal by identity, field by field: cheaper than {@link #equals} and enough for the common
     * case of one call site generating the same key again (its caller, RNG description, algorithm
     * and curve names are the same objects each time).
     */
    boolean sameObjectsAs(Inputs o) {
      return algorithm == o.algorithm
          && keySize == o.keySize
          && sizeExplicit == o.sizeExplicit
          && keyType == o.keyType
          && curve == o.curve
          && rngExplicit == o.rngExplicit
          && rng == o.rng
          && caller == o.caller
          && tenant == o.tenant
          && environment == o.environment
          && rngSharedWith == o.rngSharedWith
          && enforcing == o.enforcing;
    }

    static Inputs of(KeyEvent e, boolean enforcing) {
      return new Inputs(
          e.algorithm(),
          e.keySize(),
          e.sizeExplicit(),
          e.keyType(),
          e.curve(),
          e.rngExplicit(),
          e.rng(),
          e.caller(),
          e.tenant(),
          e.environment(),
          e.rngSharedWith(),
          enforcing);
    }
  }

  public PolicyJudge(String policyIdOrFile, List<String> allowedCallers) {
    this.evaluator = evaluator(policyIdOrFile);
    this.allowedCallers = List.copyOf(allowedCallers);
  }

  /**
   * A built-in policy comes from the build-time snapshot (no YAML parsing at start-up); a policy
   * file, or a build without the snapshot, from {@link Policies#load}.
   */
  private static PolicyEvaluator evaluator(String policyIdOrFile) {
    if (policyIdOrFile != null) {
      try {
        Optional<PolicySnapshot> snapshot = PolicySnapshot.builtIn();
        Optional<Policy> builtIn = snapshot.flatMap(s -> s.policy(policyIdOrFile.trim()));
        if (builtIn.isPresent()) {
          return new PolicyEvaluator(builtIn.get(), BuiltInChecks.all(), snapshot.get().catalog());
        }
      } catch (IOException e) {
        // a build fault (PolicySnapshotTest): said once, and the YAML still judges
        System.err.println("[keyaudit-agent] built-in policy snapshot unreadable: " + e);
      }
    }
    return new PolicyEvaluator(Policies.load(policyIdOrFile));
  }

  @Override
  public String policyId() {
    return evaluator.policy().id();
  }

  @Override
  public Decision judge(KeyEvent e, boolean enforcing) {
    if (!"key-generation".equals(e.action()) || e.algorithm() == null) {
      return null;
    }
    Inputs inputs = Inputs.of(e, enforcing);
    Judged previous = last;
    if (previous != null && previous.inputs().sameObjectsAs(inputs)) {
      return previous.decision();
    }
    Decision d = decided.get(inputs);
    if (d == null) {
      d = evaluate(e, enforcing);
      if (decided.size() >= MAX_REMEMBERED) {
        decided.clear();
      }
      decided.put(inputs, d);
    }
    last = new Judged(inputs, d);
    return d;
  }

  private Decision evaluate(KeyEvent e, boolean enforcing) {
    List<Violation> violations = new ArrayList<>();
    for (Fact fact : facts(e, allowedCallers)) {
      Evaluation ev = evaluator.evaluate(fact);
      violations.addAll(ev.violations());
    }
    List<String> rules = new ArrayList<>();
    List<String> reasons = new ArrayList<>();
    for (Violation v : violations) {
      if (!rules.contains(v.ruleId())) {
        rules.add(v.ruleId());
      }
      reasons.add(v.ruleId() + ": " + v.message());
    }
    // enforce blocks errors only: a warning or note (e.g. KA503) is recorded, never blocking
    boolean blocking =
        violations.stream().anyMatch(v -> v.severity() == dev.keyaudit.rules.model.Severity.ERROR);
    String verdict = violations.isEmpty() ? "allow" : enforcing && blocking ? "deny" : "violation";
    return new Decision(policyId(), verdict, rules, reasons);
  }

  /** The facts an event stands for; public so tests can compare them with the source frontend's. */
  public static List<Fact> facts(KeyEvent e, List<String> allowedCallers) {
    Location at = location(e.caller());
    TraceStep observed = new TraceStep(at, "observed at run time by the KeyAudit agent");
    Value<String> algorithm = Value.known(e.algorithm(), observed);
    Value<Integer> size =
        e.keySize() <= 0
            ? Value.unknown("the key does not tell its size")
            : e.sizeExplicit()
                ? Value.known(e.keySize(), observed)
                : Value.providerDefault(e.keySize(), "no init call: provider default, observed");
    RngSpec rng = rngSpec(e, observed);
    List<Fact> facts = new ArrayList<>(2);
    if ("key-pair".equals(e.keyType()) || isAsymmetric(e.algorithm())) {
      Value<String> curve =
          e.curve() == null
              ? null
              : e.sizeExplicit()
                  ? Value.known(e.curve(), observed)
                  : Value.providerDefault(e.curve(), "no init call: provider default, observed");
      facts.add(new KeyPairGeneration(at, algorithm, size, curve, rng));
    } else {
      facts.add(new KeyGeneration(at, algorithm, size, rng));
    }
    Caller c = e.caller();
    facts.add(
        new ObservedKeyGeneration(
            at,
            e.algorithm(),
            c != null && c.known() ? c.className() : null,
            allowedCallers,
            e.tenant(),
            e.environment(),
            e.rngSharedWith() == null ? List.of() : e.rngSharedWith()));
    return facts;
  }

  private static RngSpec rngSpec(KeyEvent e, TraceStep observed) {
    if (!e.rngExplicit()) {
      return RngSpec.notSpecified();
    }
    if (e.rng() == null) {
      return new RngSpec(
          true,
          Value.unknown("no SecureRandom was drawn from during generation"),
          Value.unknown("not observed"),
          Value.unknown("not observed"));
    }
    boolean drbg = e.rng().mechanism() != null;
    return new RngSpec(
        true,
        Value.known(e.rng().algorithm(), observed),
        drbg && e.rng().strength() > 0
            ? Value.known(e.rng().strength(), observed)
            : Value.unknown("not a DRBG"),
        drbg && e.rng().capability() != null
            ? Value.known(e.rng().capability().toUpperCase(Locale.ROOT), observed)
            : Value.unknown("not a DRBG"));
  }

  /** {@code com.acme.Keys} at {@code Keys.java:12} → {@code com/acme/Keys.java:12}. */
  static Location location(Caller c) {
    if (c == null || !c.known()) {
      return Location.file("(unknown caller)");
    }
    String pkg = c.packageName();
    String file =
        c.file() != null
            ? c.file()
            : c.className().substring(pkg.isEmpty() ? 0 : pkg.length() + 1) + ".java";
    String path = pkg.isEmpty() ? file : pkg.replace('.', '/') + "/" + file;
    return c.line() > 0 ? Location.line(path, c.line()) : Location.file(path);
  }

  private static boolean isAsymmetric(String algorithm) {
    String a = algorithm.toUpperCase(Locale.ROOT);
    return a.equals("RSA")
        || a.equals("EC")
        || a.equals("DSA")
        || a.equals("DH")
        || a.equals("DIFFIEHELLMAN")
        || a.startsWith("ED")
        || a.startsWith("X25519")
        || a.startsWith("X448")
        || a.equals("XDH")
        || a.startsWith("ML-")
        || a.equals("RSASSA-PSS");
  }
}
