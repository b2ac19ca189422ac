package dev.keyaudit.scanner.resolve;

import dev.keyaudit.rules.model.TraceStep;
import java.util.ArrayList;
import java.util.List;

/**
 * What the resolver found for one expression: the constants it may hold, each with its path, and
 * why some paths stayed unresolved ({@code unknowns}, empty when every path was resolved).
 *
 * <p>A candidate's {@code trace} runs origin to the expression. When the value entered through a
 * parameter, {@code callerSite} is the step at the outermost call site that chose it (the weak
 * caller): a frontend appends its sink step and then this step last, so the violation is located at
 * the caller, with the API call just before it on the path.
 */
public record Resolved(List<Candidate> candidates, List<String> unknowns) {

  public Resolved {
    candidates = List.copyOf(candidates);
    unknowns = List.copyOf(unknowns);
  }

  /** One possible value (boxed primitive, String, {@link Expr#NULL}) and its path. */
  public record Candidate(Object value, List<TraceStep> trace, TraceStep callerSite) {
    public Candidate {
      trace = List.copyOf(trace);
    }

    Candidate withStep(TraceStep step) {
      if (trace.contains(step)) {
        return this;
      }
      List<TraceStep> steps = new ArrayList<>(trace);
      steps.add(step);
      return new Candidate(value, steps, callerSite);
    }

    Candidate withValue(Object v) {
      return new Candidate(v, trace, callerSite);
    }
  }

  public static Resolved unknown(String why) {
    return new Resolved(List.of(), List.of(why));
  }

  public static Resolved of(Candidate candidate) {
    return new Resolved(List.of(candidate), List.of());
  }

  public boolean isUnknown() {
    return candidates.isEmpty();
  }
}
