package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.model.TraceStep;
import java.util.ArrayList;
import java.util.List;

/**
 * One constant an expression may evaluate to, with the steps it took so far (origin first). The
 * value is a boxed primitive, a {@code String}, a {@link java.math.BigInteger} or one of the {@link
 * ConstValues} kinds.
 */
record Candidate(Object value, List<TraceStep> trace) {

  Candidate {
    trace = List.copyOf(trace);
  }

  static Candidate of(Object value) {
    return new Candidate(value, List.of());
  }

  Candidate withStep(TraceStep step) {
    List<TraceStep> steps = new ArrayList<>(trace.size() + 1);
    steps.addAll(trace);
    steps.add(step);
    return new Candidate(value, steps);
  }

  Candidate withValue(Object newValue) {
    return new Candidate(newValue, trace);
  }

  /** Trace of this candidate followed by another's (for values computed from two operands). */
  Candidate joinTrace(Candidate other, Object newValue) {
    List<TraceStep> steps = new ArrayList<>(trace);
    for (TraceStep step : other.trace) {
      if (!steps.contains(step)) {
        steps.add(step);
      }
    }
    return new Candidate(newValue, steps);
  }
}
