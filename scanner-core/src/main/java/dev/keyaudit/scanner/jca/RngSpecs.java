package dev.keyaudit.scanner.jca;

import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.jca.ConstValues.DrbgSpec;
import dev.keyaudit.scanner.resolve.LibraryObjects.Created;
import dev.keyaudit.scanner.resolve.Resolved;
import dev.keyaudit.scanner.resolve.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link RngSpec} of a key generator whose {@code SecureRandom} the engine resolved to where it
 * was created (a field, a caller's argument, a singleton's factory): its algorithm and DRBG
 * parameters read from the creation, each value's trace running from its origin through the
 * creation and the hops to the {@code init} call, then to the caller that chose it.
 */
public final class RngSpecs {

  private RngSpecs() {}

  static final String DEFAULT_SECURE_RANDOM =
      "new SecureRandom(): platform default (NativePRNG on Linux and macOS, DRBG on Windows)";

  /** Null when no candidate is a random generator created where the engine could see. */
  public static RngSpec of(Resolved resolved, TraceStep sink) {
    List<SecureRandomRequest> requests = new ArrayList<>();
    List<List<TraceStep>> paths = new ArrayList<>();
    for (Resolved.Candidate c : resolved.candidates()) {
      if (c.value() instanceof Created created) {
        List<TraceStep> path = path(c, sink);
        SecureRandomRequest r = request(created, path);
        if (r != null) {
          requests.add(r);
          paths.add(path);
        }
      }
    }
    if (requests.isEmpty()) {
      return null;
    }
    if (requests.size() == 1 && resolved.unknowns().isEmpty()) {
      SecureRandomRequest r = requests.get(0);
      return new RngSpec(true, r.algorithm(), r.drbgStrength(), r.drbgCapability());
    }
    String why = resolved.unknowns().isEmpty() ? null : resolved.unknowns().get(0);
    List<Value.Known<String>> algorithms = new ArrayList<>();
    List<Value.Known<Integer>> strengths = new ArrayList<>();
    List<Value.Known<String>> capabilities = new ArrayList<>();
    boolean anyDrbg = false;
    for (int i = 0; i < requests.size(); i++) {
      SecureRandomRequest r = requests.get(i);
      List<TraceStep> path = paths.get(i);
      why = collect(r.algorithm(), "default", path, algorithms, why);
      if (r.drbgStrength() != null) {
        anyDrbg = true;
        why = collect(r.drbgStrength(), null, path, strengths, why);
        why = collect(r.drbgCapability(), null, path, capabilities, why);
      }
    }
    return new RngSpec(
        true,
        join(algorithms, why),
        anyDrbg ? join(strengths, why) : null,
        anyDrbg ? join(capabilities, why) : null);
  }

  /** The steps after the creation: the engine's hops, the init call, the choosing caller. */
  private static List<TraceStep> path(Resolved.Candidate c, TraceStep sink) {
    List<TraceStep> steps = new ArrayList<>(c.trace());
    steps.remove(sink);
    steps.add(sink);
    if (c.callerSite() != null) {
      steps.remove(c.callerSite());
      steps.add(c.callerSite());
    }
    return steps;
  }

  private static SecureRandomRequest request(Created created, List<TraceStep> path) {
    RngObjects.Kind kind = RngObjects.kind(created);
    if (kind == RngObjects.Kind.NON_CRYPTO_RANDOM) {
      return new SecureRandomRequest(Value.known(RngObjects.type(created), path), null, null);
    }
    if (kind != RngObjects.Kind.SECURE_RANDOM) {
      return null;
    }
    SecureRandomRequest r;
    switch (created.factory().name()) {
      case "<init>" ->
          r =
              new SecureRandomRequest(
                  Value.providerDefault(null, DEFAULT_SECURE_RANDOM), null, null);
      case "getInstanceStrong" -> r = SecureRandomRequest.strong();
      default -> r = getInstance(created);
    }
    return new SecureRandomRequest(
        appendAll(r.algorithm(), path),
        r.drbgStrength() == null ? null : appendAll(r.drbgStrength(), path),
        r.drbgCapability() == null ? null : appendAll(r.drbgCapability(), path));
  }

  private static SecureRandomRequest getInstance(Created created) {
    List<Resolved> args = created.args();
    if (args.isEmpty()) {
      return new SecureRandomRequest(Value.unknown("no algorithm"), null, null);
    }
    Value<String> algorithm = Values.toValue(args.get(0), null, Values::asString, "not a constant");
    DrbgSpec params = null;
    boolean paramsUnknown = false;
    if (args.size() >= 2) {
      params = drbgSpec(args.get(1));
      boolean provider =
          args.size() == 2
              && args.get(1).candidates().stream().anyMatch(c -> c.value() instanceof String);
      paramsUnknown = params == null && !provider;
    }
    return SecureRandomRequest.of(algorithm, params, paramsUnknown, null);
  }

  private static DrbgSpec drbgSpec(Resolved arg) {
    for (Resolved.Candidate c : arg.candidates()) {
      if (c.value() instanceof Created p
          && RngObjects.kind(p) == RngObjects.Kind.DRBG_PARAMETERS
          && p.args().size() == 3) {
        return new DrbgSpec(
            Values.toValue(p.args().get(0), null, Values::asInt, "not a constant"),
            Values.toValue(p.args().get(1), null, Values::asString, "not a constant"));
      }
    }
    return null;
  }

  private static <T> Value<T> appendAll(Value<T> value, List<TraceStep> path) {
    Value<T> v = value;
    for (TraceStep step : path) {
      v = SecureRandomRequest.appendStep(v, step);
    }
    return v;
  }

  /**
   * Adds the value's branches; a provider default counts as {@code asDefault} along {@code path}
   * (several candidates make a OneOf, which holds only known branches); returns why-not.
   */
  private static <T> String collect(
      Value<T> value, T asDefault, List<TraceStep> path, List<Value.Known<T>> into, String why) {
    if (value instanceof Value.Known<T> k) {
      into.add(k);
    } else if (value instanceof Value.OneOf<T> o) {
      into.addAll(o.branches());
    } else if (value instanceof Value.Default<T> d) {
      T v = d.value() != null ? d.value() : asDefault;
      if (v != null) {
        into.add(Value.known(v, path));
      }
    } else if (value instanceof Value.Unknown<T> u && why == null) {
      return u.why();
    }
    return why;
  }

  private static <T> Value<T> join(List<Value.Known<T>> known, String why) {
    if (known.isEmpty()) {
      return Value.unknown(why == null ? "not known" : why);
    }
    return Value.oneOf(known);
  }
}
