package dev.keyaudit.rules.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a frontend knows about one argument of a crypto API call.
 *
 * <ul>
 *   <li>{@link Known}: one value, with the trace of where it came from;
 *   <li>{@link OneOf}: several possible values (branches, call sites); each is judged and a weak
 *       one is reported naming its own trace;
 *   <li>{@link Default}: nothing was specified, so a provider default applies (the value is that
 *       default for the target JDK and provider order, when known);
 *   <li>{@link Unknown}: the value cannot be told statically ({@code System.getenv}, I/O...). It is
 *       never a violation, but it is counted and shown by {@code --explain}.
 * </ul>
 */
public sealed interface Value<T> permits Value.Known, Value.OneOf, Value.Default, Value.Unknown {

  /** One resolved value and the path it travelled. */
  record Known<T>(T value, List<TraceStep> trace) implements Value<T> {
    public Known {
      Objects.requireNonNull(value, "value");
      trace = List.copyOf(trace);
    }
  }

  /** Several candidate values; each branch carries its own trace. */
  record OneOf<T>(List<Known<T>> branches) implements Value<T> {
    public OneOf {
      branches = List.copyOf(branches);
      if (branches.size() < 2) {
        throw new IllegalArgumentException("OneOf needs at least two branches; use Known");
      }
    }
  }

  /**
   * Not specified at the call: the provider default applies. {@code value} is null when the default
   * itself is not known (unknown algorithm, unknown provider).
   */
  record Default<T>(T value, String why) implements Value<T> {
    public Default {
      Objects.requireNonNull(why, "why");
    }
  }

  /** Cannot be told statically; {@code why} says what stopped the resolution. */
  record Unknown<T>(String why) implements Value<T> {
    public Unknown {
      Objects.requireNonNull(why, "why");
    }
  }

  static <T> Known<T> known(T value, List<TraceStep> trace) {
    return new Known<>(value, trace);
  }

  static <T> Known<T> known(T value, TraceStep step) {
    return new Known<>(value, List.of(step));
  }

  static <T> Known<T> known(T value) {
    return new Known<>(value, List.of());
  }

  static <T> Unknown<T> unknown(String why) {
    return new Unknown<>(why);
  }

  static <T> Default<T> providerDefault(T value, String why) {
    return new Default<>(value, why);
  }

  /** Collapses duplicates: a single branch becomes {@link Known}. */
  static <T> Value<T> oneOf(List<Known<T>> branches) {
    return branches.size() == 1 ? branches.get(0) : new OneOf<>(branches);
  }

  /**
   * Every concrete candidate with its trace: one for {@link Known}, each branch for {@link OneOf},
   * the default (empty trace) for a {@link Default} that knows its value, none for {@link Unknown}.
   */
  default List<Known<T>> candidates() {
    if (this instanceof Known<T> k) {
      return List.of(k);
    }
    if (this instanceof OneOf<T> o) {
      return o.branches();
    }
    if (this instanceof Default<T> d && d.value() != null) {
      return List.of(new Known<>(d.value(), List.of()));
    }
    return List.of();
  }

  /** The single value when this is {@link Known}. */
  default Optional<T> knownValue() {
    return this instanceof Known<T> k ? Optional.of(k.value()) : Optional.empty();
  }

  default boolean isKnown() {
    return this instanceof Known;
  }

  /** Applies {@code f} to every candidate, keeping traces; {@link Unknown} stays unknown. */
  default <R> Value<R> map(Function<? super T, ? extends R> f) {
    if (this instanceof Known<T> k) {
      return new Known<R>(f.apply(k.value()), k.trace());
    }
    if (this instanceof OneOf<T> o) {
      return new OneOf<R>(
          o.branches().stream().map(b -> new Known<R>(f.apply(b.value()), b.trace())).toList());
    }
    if (this instanceof Default<T> d) {
      return new Default<R>(d.value() == null ? null : f.apply(d.value()), d.why());
    }
    return new Unknown<>(((Unknown<T>) this).why());
  }
}
