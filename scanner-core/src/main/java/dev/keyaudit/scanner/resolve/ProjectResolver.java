package dev.keyaudit.scanner.resolve;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.resolve.Resolved.Candidate;
import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.resolve.Summaries.FieldSummary;
import dev.keyaudit.scanner.resolve.Summaries.MethodSummary;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project-wide {@link ValueResolver}. Each hop (field, return, parameter through a call site,
 * configuration) adds a {@link TraceStep}. A call with known arguments is resolved in its context
 * (the callee's parameters bound to the caller's arguments); a parameter with no binding is
 * resolved over every call site in the project, one candidate set per caller.
 *
 * <p>Bounded: at most {@link #MAX_DEPTH} hops and {@link #MAX_CANDIDATES} candidates per
 * expression; a cycle (recursion, a field assigned from itself) yields an unknown path. Results of
 * context-free questions (a field, a method's returns, a parameter) are memoised only when their
 * computation was not cut short by a cycle or the depth bound, so the cache never depends on which
 * question was asked first.
 */
public final class ProjectResolver implements ValueResolver {

  public static final int MAX_DEPTH = 12;
  public static final int MAX_CANDIDATES = 16;

  /**
   * Work allowed for one question, in resolution steps. A memoised answer is charged what it cost
   * to compute, so whether the budget runs out never depends on what other threads cached.
   */
  public static final int MAX_STEPS = 4_000;

  /** Calls with more possible targets, and parameters with more call sites, stay unknown. */
  public static final int MAX_FAN_OUT = 16;

  private final ProjectIndex index;
  private final ConfigSource config;
  private final LibraryObjects.Model library;
  private final Map<Object, Memo> memo = new ConcurrentHashMap<>();

  /** A memoised answer and the steps it took. */
  private record Memo(Resolved resolved, int cost) {}

  /** With the JCA's random generators as the library objects followed. */
  public ProjectResolver(ProjectIndex index, ConfigSource config) {
    this(index, config, dev.keyaudit.scanner.jca.RngObjects.MODEL);
  }

  public ProjectResolver(ProjectIndex index, ConfigSource config, LibraryObjects.Model library) {
    this.index = index;
    this.config = config;
    this.library = library;
  }

  public ProjectIndex index() {
    return index;
  }

  @Override
  public Resolved resolve(Expr expr) {
    return new Run().eval(expr, null, 0).resolved;
  }

  @Override
  public Resolved field(String owner, String name) {
    return new Run().field(owner, name, 0).resolved;
  }

  @Override
  public Resolved parameter(MethodRef method, int index) {
    return new Run().parameter(method, index, 0).resolved;
  }

  @Override
  public Resolved returns(MethodRef method) {
    return new Run().returns(method, List.of(), null, 0).resolved;
  }

  /** A method activation: the callee's parameters bound to the caller's argument expressions. */
  private record Frame(MethodRef method, List<Expr> args, Frame caller, CallSiteSummary site) {}

  /** A result and whether a cycle or the depth bound cut it short (then it is not memoised). */
  private record Outcome(Resolved resolved, boolean cut) {
    static Outcome unknown(String why, boolean cut) {
      return new Outcome(Resolved.unknown(why), cut);
    }
  }

  private record FieldKey(String owner, String name) {}

  private record ParamKey(MethodRef method, int index) {}

  private record ReturnKey(MethodRef method) {}

  /** One top-level question: holds the questions in progress, to break cycles. */
  private final class Run {
    private final Set<Object> active = new HashSet<>();
    private int steps;

    Outcome eval(Expr expr, Frame frame, int depth) {
      if (++steps > MAX_STEPS) {
        return Outcome.unknown("resolution budget exhausted", true);
      }
      if (depth > MAX_DEPTH) {
        return Outcome.unknown("resolution deeper than " + MAX_DEPTH + " steps", true);
      }
      if (expr instanceof Expr.Const c) {
        return new Outcome(Resolved.of(new Candidate(c.value(), List.of(), null)), false);
      }
      if (expr instanceof Expr.Unknown u) {
        return Outcome.unknown(u.reason(), false);
      }
      if (expr instanceof Expr.Step s) {
        Outcome inner = eval(s.inner(), frame, depth);
        return map(inner, c -> c.withStep(new TraceStep(s.at(), s.message())));
      }
      if (expr instanceof Expr.FieldRef f) {
        return field(f.owner(), f.name(), depth + 1);
      }
      if (expr instanceof Expr.ParamRef p) {
        return param(p, frame, depth);
      }
      if (expr instanceof Expr.Call call) {
        return call(call, frame, depth);
      }
      if (expr instanceof Expr.Branches b) {
        List<Outcome> parts = new ArrayList<>();
        for (Expr alt : b.alternatives()) {
          parts.add(eval(alt, frame, depth));
        }
        return union(parts);
      }
      if (expr instanceof Expr.Concat c) {
        return combine(c.parts(), frame, depth, Folding::concat);
      }
      if (expr instanceof Expr.Format f) {
        List<Expr> all = new ArrayList<>();
        all.add(f.format());
        all.addAll(f.args());
        return combine(all, frame, depth, Folding::format);
      }
      if (expr instanceof Expr.Arith a) {
        return combine(
            List.of(a.left(), a.right()),
            frame,
            depth,
            vs -> Folding.arith(a.op(), vs.get(0), vs.get(1)));
      }
      if (expr instanceof Expr.ConfigLookup l) {
        return config(l, frame, depth);
      }
      if (expr instanceof Expr.Drawn d) {
        return drawn(d, frame, depth);
      }
      throw new IllegalStateException("unhandled IR node " + expr);
    }

    Outcome field(String owner, String name, int depth) {
      Optional<String> declaring = index.fieldOwner(owner, name);
      if (declaring.isEmpty()) {
        Object constant = library.constant(owner, name);
        if (constant != null) {
          return new Outcome(Resolved.of(new Candidate(constant, List.of(), null)), false);
        }
        return Outcome.unknown(
            "field " + ProjectIndex.simple(owner) + "." + name + " not in the project", false);
      }
      FieldKey key = new FieldKey(declaring.get(), name);
      return memoised(
          key,
          depth,
          () -> {
            FieldSummary f = index.field(declaring.get(), name).orElseThrow();
            if (f.assigned().isEmpty()) {
              return Outcome.unknown("field " + name + " never assigned", false);
            }
            String what =
                (f.isStatic() && f.effectivelyConstant() ? "constant " : "field ")
                    + ProjectIndex.simple(declaring.get())
                    + "."
                    + name;
            List<Outcome> parts = new ArrayList<>();
            for (Expr assigned : f.assigned()) {
              Outcome o = eval(assigned, null, depth + 1);
              parts.add(map(o, c -> c.withStep(new TraceStep(f.at(), what + describe(c.value())))));
            }
            return union(parts);
          });
    }

    Outcome parameter(MethodRef method, int i, int depth) {
      return memoised(
          new ParamKey(method, i),
          depth,
          () -> {
            List<CallSiteSummary> sites = index.callers(method);
            if (sites.size() > MAX_FAN_OUT) {
              return Outcome.unknown(
                  "parameter " + (i + 1) + " of " + method + " has " + sites.size() + " call sites",
                  false);
            }
            if (sites.isEmpty()) {
              return Outcome.unknown(
                  "parameter " + (i + 1) + " of " + method + " has no call site in the project",
                  false);
            }
            List<Outcome> parts = new ArrayList<>();
            for (CallSiteSummary site : sites) {
              if (i >= site.args().size()) {
                continue;
              }
              Frame callerFrame = new Frame(site.caller(), null, null, null);
              parts.add(passed(eval(site.args().get(i), callerFrame, depth + 1), site));
            }
            return union(parts);
          });
    }

    private Outcome param(Expr.ParamRef p, Frame frame, int depth) {
      for (Frame f = frame; f != null; f = f.caller) {
        if (f.method.equals(p.method()) && f.args != null) {
          if (p.index() >= f.args.size()) {
            return Outcome.unknown("parameter " + p.name() + " not passed", false);
          }
          // Bound: the call we came through chose the argument.
          return eval(f.args.get(p.index()), f.caller, depth + 1);
        }
      }
      return parameter(p.method(), p.index(), depth + 1);
    }

    /** Marks each candidate as passed at {@code site}; the outermost such site is kept. */
    private Outcome passed(Outcome o, CallSiteSummary site) {
      TraceStep step = new TraceStep(site.at(), "passed to " + site.callee().name() + "()");
      return map(
          o,
          c -> {
            Candidate withStep = c.withStep(step);
            return c.callerSite() == null
                ? new Candidate(withStep.value(), withStep.trace(), step)
                : withStep;
          });
    }

    private Outcome call(Expr.Call call, Frame frame, int depth) {
      List<MethodSummary> targets = index.methods(call.callee());
      if (targets.isEmpty()) {
        return libraryCall(call, frame, depth);
      }
      if (call.callee().name().equals("<init>")) {
        return Outcome.unknown("new " + call.callee().simpleOwner(), false);
      }
      if (targets.size() > MAX_FAN_OUT / 4) {
        return Outcome.unknown(
            "call to " + call.callee().name() + "() has " + targets.size() + " possible targets",
            false);
      }
      if (call.args().isEmpty()) {
        return map(returns(call.callee(), targets, null, depth + 1), c -> c);
      }
      return returns(call.callee(), targets, frame, depth + 1, call.args());
    }

    /**
     * A call outside the project: an object the library model follows, else random output passed
     * through (encoded, converted) stays that output, else unknown.
     */
    private Outcome libraryCall(Expr.Call call, Frame frame, int depth) {
      MethodRef callee = call.callee();
      if (library.creates(callee)) {
        List<Resolved> args = new ArrayList<>();
        boolean cut = false;
        for (Expr a : call.args()) {
          Outcome o = eval(a, frame, depth + 1);
          cut |= o.cut;
          args.add(o.resolved);
        }
        LibraryObjects.Created created = new LibraryObjects.Created(callee, args, call.at());
        TraceStep step = new TraceStep(call.at(), created.api() + " created");
        return new Outcome(Resolved.of(new Candidate(created, List.of(step), null)), cut);
      }
      String why =
          callee.name().equals("<init>")
              ? "new " + callee.simpleOwner()
              : "call to " + callee.name() + "() outside the project";
      List<Outcome> drawn = new ArrayList<>();
      for (Expr a : call.args()) {
        Outcome o = eval(a, frame, depth + 1);
        TraceStep step = new TraceStep(call.at(), "through " + callee.name() + "()");
        List<Candidate> out = new ArrayList<>();
        for (Candidate c : o.resolved.candidates()) {
          if (c.value() instanceof LibraryObjects.Drawn) {
            out.add(c.withStep(step));
          }
        }
        if (!out.isEmpty()) {
          drawn.add(new Outcome(new Resolved(out, List.of(why)), o.cut));
        }
      }
      return drawn.isEmpty() ? Outcome.unknown(why, false) : union(drawn);
    }

    /** Output drawn from each created object the source may be. */
    private Outcome drawn(Expr.Drawn d, Frame frame, int depth) {
      Outcome source = eval(d.source(), frame, depth + 1);
      TraceStep step = new TraceStep(d.at(), d.method() + "()");
      List<Candidate> out = new ArrayList<>();
      List<String> unknowns = new ArrayList<>(source.resolved.unknowns());
      for (Candidate c : source.resolved.candidates()) {
        if (c.value() instanceof LibraryObjects.Created created) {
          out.add(c.withValue(new LibraryObjects.Drawn(created)).withStep(step));
        } else {
          unknowns.add(d.method() + "() on an object not followed");
        }
      }
      return new Outcome(new Resolved(out, unknowns), source.cut);
    }

    Outcome returns(MethodRef method, List<MethodSummary> targets, Frame frame, int depth) {
      List<MethodSummary> ts = targets.isEmpty() ? index.methods(method) : targets;
      return memoised(new ReturnKey(method), depth, () -> returnsOf(ts, null, depth));
    }

    private Outcome returns(
        MethodRef method, List<MethodSummary> targets, Frame frame, int depth, List<Expr> args) {
      Object key = new ReturnKey(method);
      if (!active.add(key)) {
        return Outcome.unknown("recursive call to " + method.name() + "()", true);
      }
      try {
        List<Outcome> parts = new ArrayList<>();
        for (MethodSummary m : targets) {
          Frame callee = new Frame(m.ref(), args, frame, null);
          parts.add(returnsOf(List.of(m), callee, depth));
        }
        return union(parts);
      } finally {
        active.remove(key);
      }
    }

    private Outcome returnsOf(List<MethodSummary> targets, Frame callee, int depth) {
      List<Outcome> parts = new ArrayList<>();
      for (MethodSummary m : targets) {
        if (m.returns().isEmpty()) {
          parts.add(Outcome.unknown(m.ref().name() + "() returns nothing resolvable", false));
          continue;
        }
        TraceStep step = new TraceStep(m.at(), "returned by " + m.ref().name() + "()");
        for (Expr r : m.returns()) {
          parts.add(map(eval(r, callee, depth + 1), c -> c.withStep(step)));
        }
      }
      return union(parts);
    }

    private Outcome config(Expr.ConfigLookup l, Frame frame, int depth) {
      Outcome keys = eval(l.key(), frame, depth + 1);
      List<Outcome> parts = new ArrayList<>();
      for (Candidate k : keys.resolved.candidates()) {
        if (!(k.value() instanceof String key)) {
          continue;
        }
        List<ConfigSource.Setting> settings = config.lookup(l.kind(), key);
        boolean defaultSet = false;
        for (ConfigSource.Setting s : settings) {
          defaultSet |= s.profile().isEmpty();
          String where = s.profile().isEmpty() ? key : key + " (profile " + s.profile() + ")";
          Candidate c =
              new Candidate(s.value(), k.trace(), null)
                  .withStep(new TraceStep(s.at(), "configured " + where))
                  .withStep(new TraceStep(l.at(), "read from configuration " + key));
          parts.add(new Outcome(Resolved.of(c), false));
        }
        if (!defaultSet) {
          if (l.fallback() == null) {
            parts.add(
                Outcome.unknown("configuration key " + key + " not set in the project", false));
          } else {
            TraceStep step = new TraceStep(l.at(), "default of configuration " + key);
            parts.add(map(eval(l.fallback(), frame, depth + 1), c -> c.withStep(step)));
          }
        }
      }
      if (keys.resolved.isUnknown()) {
        parts.add(Outcome.unknown("configuration key not a constant", keys.cut));
      }
      return union(parts);
    }

    private Outcome memoised(Object key, int depth, java.util.function.Supplier<Outcome> compute) {
      Memo cached = memo.get(key);
      if (cached != null) {
        steps += cached.cost();
        if (steps > MAX_STEPS) {
          return Outcome.unknown("resolution budget exhausted", true);
        }
        return new Outcome(cached.resolved(), false);
      }
      if (depth > MAX_DEPTH) {
        return Outcome.unknown("resolution deeper than " + MAX_DEPTH + " steps", true);
      }
      if (!active.add(key)) {
        return Outcome.unknown("cycle through " + key, true);
      }
      int before = steps;
      try {
        Outcome o = compute.get();
        if (!o.cut) {
          memo.putIfAbsent(key, new Memo(o.resolved, steps - before));
        }
        return o;
      } finally {
        active.remove(key);
      }
    }

    private Outcome combine(
        List<Expr> parts,
        Frame frame,
        int depth,
        java.util.function.Function<List<Object>, Object> fold) {
      List<List<Candidate>> product = List.of(List.of());
      List<String> unknowns = new ArrayList<>();
      boolean cut = false;
      for (Expr part : parts) {
        Outcome o = eval(part, frame, depth);
        cut |= o.cut;
        unknowns.addAll(o.resolved.unknowns());
        if (o.resolved.isUnknown()) {
          return new Outcome(new Resolved(List.of(), unknowns), cut);
        }
        List<List<Candidate>> next = new ArrayList<>();
        for (List<Candidate> prefix : product) {
          for (Candidate c : o.resolved.candidates()) {
            if (next.size() >= MAX_CANDIDATES) {
              break;
            }
            List<Candidate> l = new ArrayList<>(prefix);
            l.add(c);
            next.add(l);
          }
        }
        product = next;
      }
      List<Candidate> out = new ArrayList<>();
      for (List<Candidate> combo : product) {
        Object v = fold.apply(combo.stream().map(Candidate::value).toList());
        if (v == null) {
          // Computed from random output (hex of nextLong(), a scaled nextInt()): still that output.
          v =
              combo.stream()
                  .map(Candidate::value)
                  .filter(LibraryObjects.Drawn.class::isInstance)
                  .findFirst()
                  .orElse(null);
        }
        if (v == null) {
          unknowns.add("not a constant expression");
          continue;
        }
        List<TraceStep> trace = new ArrayList<>();
        TraceStep caller = null;
        for (Candidate c : combo) {
          for (TraceStep s : c.trace()) {
            if (!trace.contains(s)) {
              trace.add(s);
            }
          }
          caller = caller == null ? c.callerSite() : caller;
        }
        out.add(new Candidate(v, trace, caller));
      }
      return new Outcome(new Resolved(dedupe(out), unknowns), cut);
    }
  }

  private static Outcome map(Outcome o, java.util.function.UnaryOperator<Candidate> f) {
    if (o.resolved.isUnknown()) {
      return o;
    }
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : o.resolved.candidates()) {
      out.add(f.apply(c));
    }
    return new Outcome(new Resolved(out, o.resolved.unknowns()), o.cut);
  }

  private static Outcome union(List<Outcome> parts) {
    List<Candidate> candidates = new ArrayList<>();
    List<String> unknowns = new ArrayList<>();
    boolean cut = false;
    for (Outcome o : parts) {
      cut |= o.cut;
      candidates.addAll(o.resolved.candidates());
      for (String u : o.resolved.unknowns()) {
        if (!unknowns.contains(u)) {
          unknowns.add(u);
        }
      }
    }
    List<Candidate> unique = dedupe(candidates);
    if (unique.size() > MAX_CANDIDATES) {
      return Outcome.unknown("more than " + MAX_CANDIDATES + " possible values", cut);
    }
    return new Outcome(new Resolved(unique, unknowns), cut);
  }

  private static List<Candidate> dedupe(List<Candidate> candidates) {
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : candidates) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private static String describe(Object value) {
    return value instanceof Number || value instanceof Boolean ? " = " + value : "";
  }

  /** For messages: a location's file name and line. */
  static String where(Location at) {
    return at.toString();
  }
}
