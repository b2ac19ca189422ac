package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.jca.ConstValues;
import java.util.ArrayList;
import java.util.List;

/**
 * One constant an expression may evaluate to, with the steps it took so far (origin first). The
 * value is a boxed primitive, a {@code String}, a {@link java.math.BigInteger} or one of the {@link
 * ConstValues} kinds.
 */
record Candidate(Object value, List<TraceStep> trace, TraceStep callerSite) {

  Candidate {
    trace = List.copyOf(trace);
  }

  Candidate(Object value, List<TraceStep> trace) {
    this(value, trace, null);
  }

  static Candidate of(Object value) {
    return new Candidate(value, List.of());
  }

  Candidate withStep(TraceStep step) {
    List<TraceStep> steps = new ArrayList<>(trace.size() + 1);
    steps.addAll(trace);
    steps.add(step);
    return new Candidate(value, steps, callerSite);
  }

  Candidate withValue(Object newValue) {
    return new Candidate(newValue, trace, callerSite);
  }

  /**
   * The trace as reported, once {@code sink} (the API call) is appended: a value chosen by a caller
   * through a parameter ends at that caller's call site, where its violation is located.
   */
  List<TraceStep> reportedTrace(TraceStep sink) {
    List<TraceStep> steps = new ArrayList<>(trace);
    steps.remove(sink);
    steps.add(sink);
    if (callerSite != null) {
      steps.remove(callerSite);
      steps.add(callerSite);
    }
    return steps;
  }

  /** Trace of this candidate followed by another's (for values computed from two operands). */
  Candidate joinTrace(Candidate other, Object newValue) {
    List<TraceStep> steps = new ArrayList<>(trace);
    for (TraceStep step : other.trace) {
      if (!steps.contains(step)) {
        steps.add(step);
      }
    }
    return new Candidate(newValue, steps, callerSite != null ? callerSite : other.callerSite);
  }
}
