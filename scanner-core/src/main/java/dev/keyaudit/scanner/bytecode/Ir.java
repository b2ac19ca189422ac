package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.MethodRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Between {@link SymValue} and the shared IR {@link Expr}: a value's IR form (its constants with
 * their steps, or its symbolic form), joins of two paths, and parameter substitution. Expressions
 * are bounded in size, so a value recomputed in a loop ends up unknown and the analysis converges.
 */
final class Ir {

  /** Larger expressions (a value rebuilt on every loop iteration) are dropped: unknown. */
  static final int MAX_NODES = 48;

  private static final int MAX_ALTERNATIVES = 8;

  private Ir() {}

  /** Whether {@code v} has an IR form the resolver can work on. */
  static boolean has(SymValue v) {
    return v != null && (v.isKnown() || v.expr != null || creation(v) != null);
  }

  /** The IR form of {@code v}: its constants with their trace, its symbolic form, or unknown. */
  static Expr of(SymValue v) {
    Expr created = creation(v);
    if (created != null) {
      return created;
    }
    if (v.isKnown()) {
      List<Expr> alternatives = new ArrayList<>();
      for (SymValue.Cand c : v.cands) {
        Object value = c.value() == Marker.NULL ? Expr.NULL : c.value();
        Expr e = new Expr.Const(value, Location.file(""));
        for (TraceStep s : c.trace()) {
          e = new Expr.Step(e, s.location(), s.message());
        }
        alternatives.add(e);
      }
      return alternatives.size() == 1 ? alternatives.get(0) : new Expr.Branches(alternatives);
    }
    return v.expr != null ? v.expr : Expr.unknown(v.unknown);
  }

  /** The creations {@code v} may be (one per path), or null when it holds none. */
  private static Expr creation(SymValue v) {
    List<Expr> calls = new ArrayList<>();
    for (Object o : v.objects) {
      if (o instanceof Markers.Creation c) {
        calls.add(c.call());
      }
    }
    if (calls.isEmpty()) {
      return null;
    }
    return calls.size() == 1 ? calls.get(0) : new Expr.Branches(calls);
  }

  /** The IR forms of several values. */
  static List<Expr> of(List<SymValue> values) {
    List<Expr> out = new ArrayList<>(values.size());
    values.forEach(v -> out.add(of(v)));
    return out;
  }

  /** The join of two paths where one is not a set of constants; null when it cannot be told. */
  static Expr join(SymValue a, SymValue b) {
    if (!has(a) || !has(b) || (a.expr == null && b.expr == null)) {
      return null;
    }
    if (a.expr != null && a.expr.equals(b.expr)) {
      return a.expr;
    }
    List<Expr> alternatives = new ArrayList<>();
    for (Expr e : List.of(of(a), of(b))) {
      List<Expr> parts = e instanceof Expr.Branches br ? br.alternatives() : List.of(e);
      for (Expr p : parts) {
        if (!alternatives.contains(p)) {
          alternatives.add(p);
        }
      }
    }
    if (alternatives.size() > MAX_ALTERNATIVES) {
      return null;
    }
    return bounded(
        alternatives.size() == 1 ? alternatives.get(0) : new Expr.Branches(alternatives));
  }

  /** {@code e}, or null when it is too large to be worth resolving. */
  static Expr bounded(Expr e) {
    return e != null && nodes(e, 0) <= MAX_NODES ? e : null;
  }

  private static int nodes(Expr e, int count) {
    if (count > MAX_NODES) {
      return count;
    }
    count++;
    for (Expr child : children(e)) {
      count = nodes(child, count);
    }
    return count;
  }

  private static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.Step s) {
      out.add(s.inner());
    } else if (e instanceof Expr.Drawn d) {
      out.add(d.source());
    } else if (e instanceof Expr.Call c) {
      out.addAll(c.args());
    } else if (e instanceof Expr.Concat c) {
      out.addAll(c.parts());
    } else if (e instanceof Expr.Format f) {
      out.add(f.format());
      out.addAll(f.args());
    } else if (e instanceof Expr.Arith a) {
      out.add(a.left());
      out.add(a.right());
    } else if (e instanceof Expr.Branches b) {
      out.addAll(b.alternatives());
    } else if (e instanceof Expr.ConfigLookup l) {
      out.add(l.key());
      if (l.fallback() != null) {
        out.add(l.fallback());
      }
    }
    return out;
  }

  /** {@code e} with the parameters of {@code method} replaced by {@code args}. */
  static Expr bind(Expr e, MethodRef method, List<Expr> args) {
    return map(
        e,
        x ->
            x instanceof Expr.ParamRef p && p.method().equals(method) && p.index() < args.size()
                ? args.get(p.index())
                : null);
  }

  /** Rebuilds {@code e} bottom-up; {@code replace} returns a replacement for a node, or null. */
  private static Expr map(Expr e, Function<Expr, Expr> replace) {
    Expr r = replace.apply(e);
    if (r != null) {
      return r;
    }
    if (e instanceof Expr.Step s) {
      return new Expr.Step(map(s.inner(), replace), s.at(), s.message());
    }
    if (e instanceof Expr.Drawn d) {
      return new Expr.Drawn(map(d.source(), replace), d.method(), d.at());
    }
    if (e instanceof Expr.Call c) {
      return new Expr.Call(c.callee(), mapAll(c.args(), replace), c.at());
    }
    if (e instanceof Expr.Concat c) {
      return new Expr.Concat(mapAll(c.parts(), replace));
    }
    if (e instanceof Expr.Format f) {
      return new Expr.Format(map(f.format(), replace), mapAll(f.args(), replace));
    }
    if (e instanceof Expr.Arith a) {
      return new Expr.Arith(a.op(), map(a.left(), replace), map(a.right(), replace));
    }
    if (e instanceof Expr.Branches b) {
      return new Expr.Branches(mapAll(b.alternatives(), replace));
    }
    if (e instanceof Expr.ConfigLookup l) {
      return new Expr.ConfigLookup(
          l.kind(),
          map(l.key(), replace),
          l.fallback() == null ? null : map(l.fallback(), replace),
          l.at());
    }
    return e;
  }

  private static List<Expr> mapAll(List<Expr> es, Function<Expr, Expr> replace) {
    List<Expr> out = new ArrayList<>(es.size());
    es.forEach(x -> out.add(map(x, replace)));
    return out;
  }

  /** IR operator of an integer or long arithmetic opcode, or null. */
  static String operator(int opcode) {
    return OPERATORS.get(opcode);
  }

  private static final Map<Integer, String> OPERATORS =
      Map.ofEntries(
          Map.entry(org.objectweb.asm.Opcodes.IADD, "+"),
          Map.entry(org.objectweb.asm.Opcodes.LADD, "+"),
          Map.entry(org.objectweb.asm.Opcodes.ISUB, "-"),
          Map.entry(org.objectweb.asm.Opcodes.LSUB, "-"),
          Map.entry(org.objectweb.asm.Opcodes.IMUL, "*"),
          Map.entry(org.objectweb.asm.Opcodes.LMUL, "*"),
          Map.entry(org.objectweb.asm.Opcodes.IDIV, "/"),
          Map.entry(org.objectweb.asm.Opcodes.LDIV, "/"),
          Map.entry(org.objectweb.asm.Opcodes.IREM, "%"),
          Map.entry(org.objectweb.asm.Opcodes.LREM, "%"),
          Map.entry(org.objectweb.asm.Opcodes.ISHL, "<<"),
          Map.entry(org.objectweb.asm.Opcodes.LSHL, "<<"),
          Map.entry(org.objectweb.asm.Opcodes.ISHR, ">>"),
          Map.entry(org.objectweb.asm.Opcodes.LSHR, ">>"),
          Map.entry(org.objectweb.asm.Opcodes.IAND, "&"),
          Map.entry(org.objectweb.asm.Opcodes.LAND, "&"),
          Map.entry(org.objectweb.asm.Opcodes.IOR, "|"),
          Map.entry(org.objectweb.asm.Opcodes.LOR, "|"),
          Map.entry(org.objectweb.asm.Opcodes.IXOR, "^"),
          Map.entry(org.objectweb.asm.Opcodes.LXOR, "^"));
}
