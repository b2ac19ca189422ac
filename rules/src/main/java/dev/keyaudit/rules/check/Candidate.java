package dev.keyaudit.rules.check;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * One concrete value a check judges, with where it came from: the single {@link Value.Known}, one
 * branch of a {@link Value.OneOf}, or the value of a {@link Value.Default}. Violations about a
 * candidate are located at the last step of its trace (the argument at the API call), else at the
 * fact (see {@link TraceStep}).
 */
public record Candidate<T>(T value, List<TraceStep> trace, Kind kind, String why, int branches) {

  /** How the value was obtained. */
  public enum Kind {
    KNOWN,
    BRANCH,
    PROVIDER_DEFAULT
  }

  public Candidate {
    trace = List.copyOf(trace);
  }

  /** The concrete candidates of {@code value}: none for Unknown or a Default without a value. */
  public static <T> List<Candidate<T>> of(Value<T> value) {
    List<Candidate<T>> out = new ArrayList<>();
    if (value instanceof Value.Known<T> k) {
      out.add(new Candidate<>(k.value(), k.trace(), Kind.KNOWN, null, 1));
    } else if (value instanceof Value.OneOf<T> o) {
      for (Value.Known<T> b : o.branches()) {
        out.add(new Candidate<>(b.value(), b.trace(), Kind.BRANCH, null, o.branches().size()));
      }
    } else if (value instanceof Value.Default<T> d && d.value() != null) {
      out.add(new Candidate<>(d.value(), List.of(), Kind.PROVIDER_DEFAULT, d.why(), 1));
    }
    return out;
  }

  /** Like {@link #of} but without provider defaults: values that were written somewhere. */
  public static <T> List<Candidate<T>> written(Value<T> value) {
    return of(value).stream().filter(c -> c.kind != Kind.PROVIDER_DEFAULT).toList();
  }

  public boolean isProviderDefault() {
    return kind == Kind.PROVIDER_DEFAULT;
  }

  /** Last trace step's location, else the fact's. */
  public Location location(Fact fact) {
    return trace.isEmpty() ? fact.location() : trace.get(trace.size() - 1).location();
  }

  /**
   * Where the value came from, for messages, starting with a space: " (from constant KEY_BITS =
   * 1024)", " (one of 2 branches)", " (the provider default: JDK 17 provider default)", or "" for a
   * literal at the call.
   */
  public String provenance() {
    List<String> parts = new ArrayList<>();
    if (kind == Kind.PROVIDER_DEFAULT) {
      parts.add("the provider default: " + why);
    }
    if (kind == Kind.BRANCH) {
      parts.add("one of " + branches + " possible values");
    }
    if (trace.size() >= 2) {
      parts.add("from " + trace.get(0).message());
    }
    return parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")";
  }
}
