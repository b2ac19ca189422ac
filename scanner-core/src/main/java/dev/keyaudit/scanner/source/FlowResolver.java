package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.expr.Expression;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.jca.ConstValues;
import dev.keyaudit.scanner.jca.ConstValues.Bytes;
import dev.keyaudit.scanner.jca.ConstValues.Chars;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The intra-procedural {@link ExpressionResolver}: answers from the values the flow walk computed
 * for the arguments of one call (straight-line reassignment, branches, constants of the file).
 */
final class FlowResolver implements ExpressionResolver {

  private final Map<Expression, AbstractValue> values = new IdentityHashMap<>();

  FlowResolver(List<Expression> arguments, List<AbstractValue> argumentValues) {
    for (int i = 0; i < arguments.size(); i++) {
      values.put(arguments.get(i), argumentValues.get(i));
    }
  }

  AbstractValue valueOf(Expression argument) {
    AbstractValue v = values.get(argument);
    return v != null ? v : AbstractValue.unknown("not evaluated");
  }

  @Override
  public Value<Integer> intValue(Expression argument, TraceStep sink) {
    return toValue(valueOf(argument), sink, ConstantFolding::asInt, "not an integer constant");
  }

  @Override
  public Value<String> stringValue(Expression argument, TraceStep sink) {
    return toValue(
        valueOf(argument), sink, v -> v instanceof String s ? s : null, "not a string constant");
  }

  @Override
  public Value<Secret> secretValue(Expression argument, TraceStep sink) {
    return toValue(valueOf(argument), sink, ConstValues::secretOf, "not a constant");
  }

  @Override
  public Value<SeedSource> seedValue(Expression argument, TraceStep sink) {
    return toValue(valueOf(argument), sink, FlowResolver::seedOf, "not a constant");
  }

  @Override
  public boolean isNull(Expression argument) {
    return valueOf(argument).isNull();
  }

  private static SeedSource seedOf(Object value) {
    if (value == Marker.CLOCK) {
      return SeedSource.CLOCK;
    }
    if (value instanceof Bytes
        || value instanceof Chars
        || value instanceof String
        || value instanceof BigInteger
        || ConstantFolding.number(value) != null) {
      return SeedSource.CONSTANT;
    }
    return null;
  }

  /**
   * Converts every candidate with {@code convert} (null: not of the wanted kind) and ends each
   * trace with {@code sink}. No convertible candidate gives {@link Value.Unknown}.
   */
  static <T> Value<T> toValue(
      AbstractValue value, TraceStep sink, Function<Object, T> convert, String notWhat) {
    List<Value.Known<T>> known = new ArrayList<>();
    List<Object> atSink = new ArrayList<>();
    for (Candidate c : value.candidates) {
      if (c.value() == Marker.NULL) {
        continue;
      }
      // One value reaching the call on its own path is one finding there, not one per path; a
      // value chosen by callers is reported once per caller.
      if (c.callerSite() == null) {
        if (atSink.contains(c.value())) {
          continue;
        }
        atSink.add(c.value());
      }
      T t = convert.apply(c.value());
      if (t != null) {
        Value.Known<T> k = Value.known(t, c.reportedTrace(sink));
        if (!known.contains(k)) {
          known.add(k);
        }
      }
    }
    if (known.isEmpty()) {
      return Value.unknown(value.unknownOr(notWhat));
    }
    return Value.oneOf(known);
  }
}
