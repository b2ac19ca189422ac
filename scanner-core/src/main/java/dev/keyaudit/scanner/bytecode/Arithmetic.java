package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Folds integer and long arithmetic over constant candidates ({@code bits * 2}, {@code -1}, {@code
 * i++}); anything else, or too many combinations, is unknown. Taints of random output survive.
 */
final class Arithmetic {

  private Arithmetic() {}

  static SymValue unary(Type type, SymValue v, LongUnaryOperator f) {
    List<SymValue.Cand> out = new ArrayList<>();
    for (SymValue.Cand c : v.cands) {
      Long x = asLong(c.value());
      if (x == null) {
        return SymValue.unknown(type, "not a number").withObjects(SymbolicInterpreter.taints(v));
      }
      out.add(c.withValue(box(type, f.applyAsLong(x))));
    }
    if (out.isEmpty()) {
      return SymValue.unknown(type, v.unknown).withObjects(SymbolicInterpreter.taints(v));
    }
    return SymValue.of(type, out, null);
  }

  static SymValue binary(int op, SymValue a, SymValue b) {
    Type type = isLongOp(op) ? Type.LONG_TYPE : resultType(op);
    var taints = SymbolicInterpreter.taints(a);
    taints.addAll(SymbolicInterpreter.taints(b));
    if (type != Type.INT_TYPE && type != Type.LONG_TYPE || a.cands.isEmpty() || b.cands.isEmpty()) {
      String why = !a.isKnown() ? a.unknown : !b.isKnown() ? b.unknown : "computed";
      return SymValue.unknown(type, why).withObjects(taints);
    }
    SymValue clock = clock(type, a, b);
    if (clock != null) {
      return clock.withObjects(taints);
    }
    if (a.cands.size() * b.cands.size() > SymValue.MAX_CANDIDATES) {
      return SymValue.unknown(type, "too many combinations").withObjects(taints);
    }
    List<SymValue.Cand> out = new ArrayList<>();
    for (SymValue.Cand x : a.cands) {
      for (SymValue.Cand y : b.cands) {
        Long l = asLong(x.value());
        Long r = asLong(y.value());
        Long v = l == null || r == null ? null : apply(op, l, r);
        if (v == null) {
          return SymValue.unknown(type, "computed").withObjects(taints);
        }
        List<TraceStep> trace = new ArrayList<>(x.trace());
        y.trace().stream().filter(s -> !trace.contains(s)).forEach(trace::add);
        out.add(new SymValue.Cand(box(type, v), trace));
      }
    }
    return SymValue.of(type, out, null);
  }

  /** Mixing a clock reading with constants ({@code nanoTime() ^ K}) still gives the clock. */
  private static SymValue clock(Type type, SymValue a, SymValue b) {
    SymValue.Cand reading = null;
    for (SymValue v : List.of(a, b)) {
      for (SymValue.Cand c : v.cands) {
        if (c.value() == Marker.CLOCK) {
          reading = c;
        } else if (asLong(c.value()) == null) {
          return null;
        }
      }
    }
    return reading == null ? null : SymValue.of(type, List.of(reading), null);
  }

  private static boolean isLongOp(int op) {
    return switch (op) {
      case Opcodes.LADD,
          Opcodes.LSUB,
          Opcodes.LMUL,
          Opcodes.LDIV,
          Opcodes.LREM,
          Opcodes.LSHL,
          Opcodes.LSHR,
          Opcodes.LUSHR,
          Opcodes.LAND,
          Opcodes.LOR,
          Opcodes.LXOR ->
          true;
      default -> false;
    };
  }

  private static Type resultType(int op) {
    return switch (op) {
      case Opcodes.IADD,
          Opcodes.ISUB,
          Opcodes.IMUL,
          Opcodes.IDIV,
          Opcodes.IREM,
          Opcodes.ISHL,
          Opcodes.ISHR,
          Opcodes.IUSHR,
          Opcodes.IAND,
          Opcodes.IOR,
          Opcodes.IXOR,
          Opcodes.LCMP,
          Opcodes.FCMPL,
          Opcodes.FCMPG,
          Opcodes.DCMPL,
          Opcodes.DCMPG ->
          Type.INT_TYPE;
      case Opcodes.FADD, Opcodes.FSUB, Opcodes.FMUL, Opcodes.FDIV, Opcodes.FREM -> Type.FLOAT_TYPE;
      default -> Type.DOUBLE_TYPE;
    };
  }

  private static Long apply(int op, long l, long r) {
    return switch (op) {
      case Opcodes.IADD -> (long) ((int) l + (int) r);
      case Opcodes.ISUB -> (long) ((int) l - (int) r);
      case Opcodes.IMUL -> (long) ((int) l * (int) r);
      case Opcodes.IDIV -> r == 0 ? null : (long) ((int) l / (int) r);
      case Opcodes.IREM -> r == 0 ? null : (long) ((int) l % (int) r);
      case Opcodes.ISHL -> (long) ((int) l << (int) r);
      case Opcodes.ISHR -> (long) ((int) l >> (int) r);
      case Opcodes.IUSHR -> (long) ((int) l >>> (int) r);
      case Opcodes.IAND -> l & r;
      case Opcodes.IOR -> l | r;
      case Opcodes.IXOR -> l ^ r;
      case Opcodes.LADD -> l + r;
      case Opcodes.LSUB -> l - r;
      case Opcodes.LMUL -> l * r;
      case Opcodes.LDIV -> r == 0 ? null : l / r;
      case Opcodes.LREM -> r == 0 ? null : l % r;
      case Opcodes.LSHL -> l << r;
      case Opcodes.LSHR -> l >> r;
      case Opcodes.LUSHR -> l >>> r;
      case Opcodes.LAND -> l & r;
      case Opcodes.LOR -> l | r;
      case Opcodes.LXOR -> l ^ r;
      default -> null;
    };
  }

  static Long asLong(Object v) {
    if (v instanceof Integer i) {
      return (long) i;
    }
    if (v instanceof Long l) {
      return l;
    }
    return null;
  }

  private static Object box(Type type, long v) {
    return type.getSort() == Type.LONG ? (Object) v : (Object) (int) v;
  }
}
