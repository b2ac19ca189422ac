package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.resolve.Expr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.analysis.Value;

/**
 * What the symbolic interpreter knows about one stack or local slot: the constants it may hold
 * (each with the trace of where it came from), or why it is unknown, plus the objects it may refer
 * to (tracked generators and random sources, arrays being filled, objects under construction). A
 * value the method cannot tell alone (a parameter, another class's field, a call's result) keeps
 * its symbolic form as an {@link Expr} for the shared resolver. Immutable; {@link #merge} is the
 * join of two control-flow paths.
 */
final class SymValue implements Value {

  /** More candidates than this after a join means a loop or a computed value: unknown. */
  static final int MAX_CANDIDATES = 6;

  static final SymValue UNINITIALIZED =
      new SymValue(1, null, List.of(), "uninitialised", Set.of(), null);

  /** One possible constant and the path it travelled (origin first). */
  record Cand(Object value, List<TraceStep> trace) {
    Cand {
      Objects.requireNonNull(value, "value");
      trace = List.copyOf(trace);
    }

    Cand withValue(Object v) {
      return new Cand(v, trace);
    }
  }

  final int size;
  final String descriptor;
  final List<Cand> cands;
  final String unknown;
  final Set<Object> objects;

  /** The symbolic form of an unknown value, for the project-wide resolver; null if none. */
  final Expr expr;

  private SymValue(
      int size,
      String descriptor,
      List<Cand> cands,
      String unknown,
      Set<Object> objects,
      Expr expr) {
    this.size = size;
    this.descriptor = descriptor;
    this.cands = List.copyOf(cands);
    this.unknown = cands.isEmpty() ? (unknown == null ? "not known" : unknown) : null;
    this.objects =
        objects.isEmpty()
            ? Set.of()
            : java.util.Collections.unmodifiableSet(new LinkedHashSet<>(objects));
    this.expr = cands.isEmpty() ? expr : null;
  }

  /** An unknown value whose symbolic form the resolver may tell. */
  static SymValue symbolic(Type type, Expr expr, String why) {
    return new SymValue(sizeOf(type), descriptorOf(type), List.of(), why, Set.of(), expr);
  }

  SymValue withExpr(Expr e) {
    return new SymValue(size, descriptor, cands, unknown, objects, e);
  }

  static SymValue unknown(Type type, String why) {
    return new SymValue(sizeOf(type), descriptorOf(type), List.of(), why, Set.of(), null);
  }

  static SymValue constant(Type type, Object value, List<TraceStep> trace) {
    return new SymValue(
        sizeOf(type), descriptorOf(type), List.of(new Cand(value, trace)), null, Set.of(), null);
  }

  static SymValue object(Type type, Object tracked) {
    return new SymValue(1, descriptorOf(type), List.of(), "object", Set.of(tracked), null);
  }

  static SymValue of(Type type, List<Cand> cands, String unknown) {
    return new SymValue(sizeOf(type), descriptorOf(type), dedupe(cands), unknown, Set.of(), null);
  }

  private static int sizeOf(Type type) {
    return type == null ? 1 : type.getSize() == 0 ? 1 : type.getSize();
  }

  private static String descriptorOf(Type type) {
    return type == null ? null : type.getDescriptor();
  }

  @Override
  public int getSize() {
    return size;
  }

  boolean isKnown() {
    return !cands.isEmpty();
  }

  /** The single constant, or null. */
  Object single() {
    return cands.size() == 1 ? cands.get(0).value() : null;
  }

  SymValue withObjects(Set<Object> more) {
    Set<Object> all = new LinkedHashSet<>(objects);
    all.addAll(more);
    return new SymValue(size, descriptor, cands, unknown, all, expr);
  }

  SymValue withObject(Object more) {
    return withObjects(Set.of(more));
  }

  SymValue withDescriptor(Type type) {
    return new SymValue(sizeOf(type), descriptorOf(type), cands, unknown, objects, expr);
  }

  /** Maps each candidate; a candidate mapped to null makes the whole value unknown. */
  SymValue mapCands(Type type, java.util.function.Function<Cand, Cand> f, String whyNot) {
    if (cands.isEmpty()) {
      return new SymValue(sizeOf(type), descriptorOf(type), List.of(), unknown, Set.of(), null);
    }
    List<Cand> out = new ArrayList<>();
    for (Cand c : cands) {
      Cand mapped = f.apply(c);
      if (mapped == null) {
        return unknown(type, whyNot);
      }
      out.add(mapped);
    }
    return new SymValue(sizeOf(type), descriptorOf(type), dedupe(out), null, Set.of(), null);
  }

  /** The join of two paths: candidates united (bounded), objects united. */
  SymValue merge(SymValue other) {
    if (this == other || equals(other)) {
      return this;
    }
    Set<Object> objs = objects;
    if (!other.objects.isEmpty() && !objects.containsAll(other.objects)) {
      objs = new LinkedHashSet<>(objects);
      objs.addAll(other.objects);
    }
    String desc = Objects.equals(descriptor, other.descriptor) ? descriptor : null;
    int mergedSize = Math.min(size, other.size);
    if (cands.isEmpty() || other.cands.isEmpty()) {
      String why = unknown != null ? unknown : other.unknown;
      return new SymValue(mergedSize, desc, List.of(), why, objs, Ir.join(this, other));
    }
    List<Cand> all = new ArrayList<>(cands);
    for (Cand c : other.cands) {
      if (!all.contains(c)) {
        all.add(c);
      }
    }
    if (all.size() > MAX_CANDIDATES) {
      return new SymValue(
          mergedSize, desc, List.of(), "too many values (computed in a loop?)", objs, null);
    }
    return new SymValue(mergedSize, desc, all, null, objs, null);
  }

  private static List<Cand> dedupe(List<Cand> cands) {
    List<Cand> out = new ArrayList<>();
    for (Cand c : cands) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SymValue v
        && size == v.size
        && Objects.equals(descriptor, v.descriptor)
        && cands.equals(v.cands)
        && Objects.equals(unknown, v.unknown)
        && objects.equals(v.objects)
        && Objects.equals(expr, v.expr);
  }

  @Override
  public int hashCode() {
    return Objects.hash(size, descriptor, cands, unknown, objects, expr);
  }

  @Override
  public String toString() {
    return cands.isEmpty() ? "?(" + unknown + ")" + objects : cands + "" + objects;
  }
}
