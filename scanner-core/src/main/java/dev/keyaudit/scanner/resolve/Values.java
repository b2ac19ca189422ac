package dev.keyaudit.scanner.resolve;

import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns a {@link Resolved} into the fact model's {@link Value}, ending every trace at the crypto
 * API call ({@code sink}).
 *
 * <p>Where a violation is located: the fact model reports a value's violation at the last trace
 * step. A candidate that came through a parameter is chosen by a caller, so its trace is the path
 * origin → … → the API call (sink), followed by the outermost call site that passed it: one weak
 * caller among strong ones is reported there, with the path to the API call as its flow.
 */
public final class Values {

  private Values() {}

  /** With a null {@code sink}, the traces end where the value was used (an object's argument). */
  public static <T> Value<T> toValue(
      Resolved resolved, TraceStep sink, Function<Object, T> convert, String notWhat) {
    List<Value.Known<T>> known = new ArrayList<>();
    List<Object> atSink = new ArrayList<>();
    for (Resolved.Candidate c : resolved.candidates()) {
      if (c.value() == Expr.NULL) {
        continue;
      }
      // One value reaching the sink on its own is one finding there; caller-chosen ones are
      // reported per caller.
      if (c.callerSite() == null) {
        if (atSink.contains(c.value())) {
          continue;
        }
        atSink.add(c.value());
      }
      T t = convert.apply(c.value());
      if (t == null) {
        continue;
      }
      List<TraceStep> trace = new ArrayList<>(c.trace());
      if (sink != null) {
        trace.remove(sink);
        trace.add(sink);
      }
      if (c.callerSite() != null) {
        trace.remove(c.callerSite());
        trace.add(c.callerSite());
      }
      Value.Known<T> k = Value.known(t, trace);
      if (!known.contains(k)) {
        known.add(k);
      }
    }
    if (known.isEmpty()) {
      return Value.unknown(resolved.unknowns().isEmpty() ? notWhat : resolved.unknowns().get(0));
    }
    return Value.oneOf(known);
  }

  /** Integers (and chars, shorts, bytes, and longs in int range) as {@code Integer}. */
  public static Integer asInt(Object o) {
    if (o instanceof Integer i) {
      return i;
    }
    if (o instanceof Short || o instanceof Byte) {
      return ((Number) o).intValue();
    }
    if (o instanceof Long l && l == (int) (long) l) {
      return (int) (long) l;
    }
    if (o instanceof Character c) {
      return (int) c;
    }
    if (o instanceof String s) {
      try {
        return Integer.valueOf(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  public static String asString(Object o) {
    return o instanceof String s ? s : null;
  }
}
