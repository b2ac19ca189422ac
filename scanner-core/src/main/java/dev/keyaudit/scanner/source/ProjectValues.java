package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import dev.keyaudit.scanner.jca.RandomOutputSinks;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.MethodRef;
import dev.keyaudit.scanner.resolve.ProjectResolver;
import dev.keyaudit.scanner.resolve.Resolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Phase two's bridge from the per-file flow evaluation to the project-wide {@link ProjectResolver}:
 * what the file alone cannot tell (a constant of another class, a parameter, a helper's result, a
 * field set in a constructor or a setter, configuration) is asked of the engine, and its answer
 * comes back as an {@link AbstractValue} with the engine's trace.
 */
final class ProjectValues {

  private final ProjectResolver resolver;
  private final boolean bouncyCastleFirst;
  private volatile Map<Location, RandomOutputSinks.Sink> randomSinks;

  /** Threads for the one project-wide search that every phase-two worker waits for. */
  private final int threads;

  ProjectValues(ProjectResolver resolver, boolean bouncyCastleFirst) {
    this(resolver, bouncyCastleFirst, 1);
  }

  ProjectValues(ProjectResolver resolver, boolean bouncyCastleFirst, int threads) {
    this.resolver = resolver;
    this.bouncyCastleFirst = bouncyCastleFirst;
    this.threads = threads;
  }

  /** A field of a project class; null when the project does not declare it. */
  AbstractValue field(String owner, String name) {
    if (resolver.index().fieldOwner(owner, name).isEmpty()) {
      return null;
    }
    return toAbstract(resolver.field(owner, name));
  }

  /** A parameter, over every call site in the project. */
  AbstractValue parameter(MethodRef method, int index) {
    return toAbstract(resolver.parameter(method, index));
  }

  /** A call of a project method; null when no project method matches. */
  AbstractValue call(MethodRef callee, List<AbstractValue> args, Location at) {
    if (resolver.index().methods(callee).isEmpty()) {
      return null;
    }
    List<Expr> lowered = new ArrayList<>();
    for (AbstractValue a : args) {
      lowered.add(toExpr(a));
    }
    return toAbstract(resolver.resolve(new Expr.Call(callee, lowered, at)));
  }

  /** A configuration lookup whose key and default the flow walk computed. */
  AbstractValue config(Expr.ConfigKind kind, List<AbstractValue> args, int fallback, Location at) {
    Expr key = toExpr(args.get(0));
    Expr def = args.size() > fallback ? toExpr(args.get(fallback)) : null;
    return toAbstract(resolver.resolve(new Expr.ConfigLookup(kind, key, def, at)));
  }

  /** Whether the project puts BouncyCastle first ({@code Security.insertProviderAt(bc, 1)}). */
  boolean bouncyCastleFirst() {
    return bouncyCastleFirst;
  }

  /**
   * Configuration text bound to a number ({@code @Value int bits}, {@code getProperty(k,
   * Integer.class, d)}): numeric strings become numbers, as Spring's conversion does.
   */
  static AbstractValue asNumbers(AbstractValue v) {
    List<Candidate> converted = new ArrayList<>();
    for (Candidate c : v.candidates) {
      Object value = c.value();
      if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) {
        value = Integer.valueOf(s.strip());
      }
      converted.add(c.withValue(value));
    }
    return AbstractValue.ofCandidates(converted, v.unknown).withType(v.type);
  }

  /** A value the flow walk computed, as IR: its candidates with their steps, or unknown. */
  private static Expr toExpr(AbstractValue v) {
    if (v.candidates.isEmpty()) {
      return Expr.unknown(v.unknownOr("not a constant"));
    }
    List<Expr> alternatives = new ArrayList<>();
    for (Candidate c : v.candidates) {
      Object value = c.value() == Marker.NULL ? Expr.NULL : c.value();
      Expr e = new Expr.Const(value, Location.file(""));
      for (TraceStep s : c.trace()) {
        e = new Expr.Step(e, s.location(), s.message());
      }
      alternatives.add(e);
    }
    if (v.unknown != null) {
      alternatives.add(Expr.unknown(v.unknown));
    }
    return alternatives.size() == 1 ? alternatives.get(0) : new Expr.Branches(alternatives);
  }

  /** The engine's view of a value the flow walk computed: its candidates and why not more. */
  static Resolved toResolved(AbstractValue v) {
    List<Resolved.Candidate> candidates = new ArrayList<>();
    for (Candidate c : v.candidates) {
      candidates.add(new Resolved.Candidate(c.value(), c.trace(), c.callerSite()));
    }
    return new Resolved(candidates, v.unknown == null ? List.of() : List.of(v.unknown));
  }

  /**
   * Where the output of the non-cryptographic generator created at {@code creation} ends up, as far
   * as the project-wide search followed it; null when nowhere telling.
   */
  RandomOutputSinks.Sink randomSink(Location creation) {
    Map<Location, RandomOutputSinks.Sink> sinks = randomSinks;
    if (sinks == null) {
      synchronized (this) {
        if (randomSinks == null) {
          randomSinks = RandomOutputSinks.find(resolver, this::inParallel);
        }
        sinks = randomSinks;
      }
    }
    return sinks.get(creation);
  }

  /** A failure fails the search as it would on one thread; no type's offers are dropped. */
  private <T, R> List<R> inParallel(List<T> items, java.util.function.Function<T, R> task) {
    return ParallelMap.map(items, task, threads, ProjectValues::rethrow);
  }

  private static <T, R> R rethrow(T item, Throwable e) {
    if (e instanceof Error error) {
      throw error;
    }
    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
  }

  private static AbstractValue toAbstract(Resolved r) {
    List<Candidate> candidates = new ArrayList<>();
    for (Resolved.Candidate c : r.candidates()) {
      Object value = c.value() == Expr.NULL ? Marker.NULL : c.value();
      candidates.add(new Candidate(value, c.trace(), c.callerSite()));
    }
    String unknown = r.unknowns().isEmpty() ? null : r.unknowns().get(0);
    return AbstractValue.ofCandidates(candidates, unknown);
  }
}
