package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.bytecode.Markers.ArraySite;
import dev.keyaudit.scanner.jca.ConstValues;
import dev.keyaudit.scanner.jca.ConstValues.Bytes;
import dev.keyaudit.scanner.jca.ConstValues.Chars;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.Resolved;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.objectweb.asm.Type;

/**
 * Turns a {@link SymValue} reaching a crypto API argument into the fact model's {@link Value}: each
 * constant candidate becomes a {@code Known} whose trace ends at the argument; arrays filled
 * element by element become their bytes once the whole method was interpreted. A value only the
 * project can tell (a parameter, another class's constant) is asked of the shared resolver.
 */
final class Values {

  private final ClassContext cx;

  Values(ClassContext cx) {
    this.cx = cx;
  }

  Value<String> string(SymValue v, TraceStep sink) {
    return convert(v, sink, o -> o instanceof String s ? s : null, "not a constant string");
  }

  Value<Integer> integer(SymValue v, TraceStep sink) {
    return convert(v, sink, dev.keyaudit.scanner.resolve.Values::asInt, "not a constant number");
  }

  Value<Secret> secret(SymValue v, TraceStep sink) {
    return convert(v, sink, ConstValues::secretOf, "not constant key material");
  }

  Value<SeedSource> seed(SymValue v, TraceStep sink) {
    return convert(v, sink, Values::seedOf, "not a constant");
  }

  private static SeedSource seedOf(Object value) {
    if (value == Marker.CLOCK) {
      return SeedSource.CLOCK;
    }
    if (value instanceof Bytes
        || value instanceof Chars
        || value instanceof String
        || value instanceof BigInteger
        || value instanceof Integer
        || value instanceof Long) {
      return SeedSource.CONSTANT;
    }
    return null;
  }

  /** The value with arrays under construction replaced by their final contents. */
  SymValue withArrays(SymValue v) {
    List<SymValue.Cand> cands = new ArrayList<>(v.cands);
    String unknown = v.unknown;
    boolean sawArray = false;
    for (Object o : v.objects) {
      if (o instanceof ArraySite site) {
        sawArray = true;
        String invalid = cx.arrayInvalid.get(site);
        if (invalid != null) {
          unknown = invalid;
          cands.clear();
          break;
        }
        cands.add(
            new SymValue.Cand(
                contents(site),
                List.of(
                    new TraceStep(
                        Location.line(cx.path, site.line), "array initialised with constants"))));
      }
    }
    if (!sawArray) {
      return v;
    }
    Type type = v.descriptor == null ? null : Type.getType(v.descriptor);
    SymValue out = SymValue.of(type, cands, unknown);
    for (Object o : v.objects) {
      if (o instanceof ArraySite site && cx.arrayTaints.containsKey(site)) {
        out = out.withObjects(cx.arrayTaints.get(site));
      } else if (o instanceof Markers.Taint) {
        out = out.withObject(o);
      }
    }
    return out;
  }

  private Object contents(ArraySite site) {
    Map<Integer, SymValue.Cand> elements = cx.arrayContents.getOrDefault(site, Map.of());
    if (site.chars) {
      char[] chars = new char[site.length];
      elements.forEach((i, c) -> chars[i] = (char) (int) (Integer) c.value());
      return new Chars(chars);
    }
    byte[] bytes = new byte[site.length];
    elements.forEach((i, c) -> bytes[i] = (byte) (int) (Integer) c.value());
    return new Bytes(bytes, null);
  }

  private <T> Value<T> convert(
      SymValue raw, TraceStep sink, Function<Object, T> f, String notWhat) {
    SymValue v = withArrays(raw);
    if (!v.isKnown() && v.expr != null && cx.resolver != null) {
      // What the class cannot tell alone: the project-wide engine resolves it, with its trace.
      Resolved resolved = cx.resolver.resolve(v.expr);
      return dev.keyaudit.scanner.resolve.Values.toValue(
          resolved, sink, o -> f.apply(o == Expr.NULL ? Marker.NULL : o), notWhat);
    }
    List<Value.Known<T>> known = new ArrayList<>();
    for (SymValue.Cand c : v.cands) {
      if (c.value() == Marker.NULL) {
        continue;
      }
      T t = f.apply(c.value());
      if (t != null) {
        List<TraceStep> trace = new ArrayList<>(c.trace());
        trace.add(sink);
        Value.Known<T> k = Value.known(t, trace);
        if (!known.contains(k)) {
          known.add(k);
        }
      }
    }
    if (known.isEmpty()) {
      return Value.unknown(v.isKnown() ? notWhat : v.unknown);
    }
    return Value.oneOf(known);
  }
}
