package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.jca.ConstValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the intra-procedural evaluation knows about an expression at one program point: the
 * constants it may hold (one per path), the tracked objects it may refer to, the non-cryptographic
 * random sources whose output flowed into it, and why some path could not be resolved. Immutable.
 *
 * <p>A path that cannot be resolved does not hide the paths that can: {@code bits = 1024; if (c)
 * bits = read();} still reports the 1024 branch.
 */
final class AbstractValue {

  /** Beyond this many candidates (nested branches), the value is reported as unknown. */
  static final int MAX_CANDIDATES = 16;

  private static final AbstractValue NOTHING =
      new AbstractValue(List.of(), List.of(), List.of(), "no value", null);

  final List<Candidate> candidates;
  final List<Receiver> objects;
  final List<Taint> taints;

  /** Why some path is unresolved; null when every path yields a candidate or an object. */
  final String unknown;

  /** Static type when known: an API type's fully qualified name or a primitive name. */
  final String type;

  /** Output of a non-cryptographic random source and the steps it took since it was drawn. */
  record Taint(Receiver source, List<TraceStep> flow) {
    Taint {
      flow = List.copyOf(flow);
    }

    Taint withStep(TraceStep step) {
      if (flow.contains(step)) {
        return this;
      }
      List<TraceStep> steps = new ArrayList<>(flow);
      steps.add(step);
      return new Taint(source, steps);
    }
  }

  private AbstractValue(
      List<Candidate> candidates,
      List<Receiver> objects,
      List<Taint> taints,
      String unknown,
      String type) {
    this.candidates = candidates;
    this.objects = objects;
    this.taints = taints;
    this.unknown = unknown;
    this.type = type;
  }

  static AbstractValue constant(Object value) {
    return new AbstractValue(List.of(Candidate.of(value)), List.of(), List.of(), null, null);
  }

  static AbstractValue of(Candidate candidate) {
    return new AbstractValue(List.of(candidate), List.of(), List.of(), null, null);
  }

  static AbstractValue ofCandidates(List<Candidate> candidates, String unknown) {
    if (candidates.isEmpty()) {
      return unknown(unknown == null ? "no value" : unknown);
    }
    return capped(dedupe(candidates), List.of(), List.of(), unknown, null);
  }

  static AbstractValue unknown(String why) {
    return new AbstractValue(List.of(), List.of(), List.of(), why, null);
  }

  static AbstractValue object(Receiver receiver, String type) {
    return new AbstractValue(List.of(), List.of(receiver), List.of(), null, type);
  }

  /** Value of an expression that produced nothing the analysis tracks (e.g. a void call). */
  static AbstractValue nothing() {
    return NOTHING;
  }

  AbstractValue withType(String newType) {
    return new AbstractValue(candidates, objects, taints, unknown, newType);
  }

  AbstractValue withTaints(List<Taint> more) {
    if (more.isEmpty()) {
      return this;
    }
    return new AbstractValue(candidates, objects, union(taints, more), unknown, type);
  }

  AbstractValue withObjects(List<Receiver> more) {
    if (more.isEmpty()) {
      return this;
    }
    return new AbstractValue(candidates, distinct(objects, more), taints, unknown, type);
  }

  /** Same taint and type, but the content is no longer known (e.g. an array filled by a call). */
  AbstractValue invalidated(String why) {
    return new AbstractValue(List.of(), objects, taints, why, type);
  }

  AbstractValue withStep(TraceStep step) {
    if (candidates.isEmpty() && taints.isEmpty()) {
      return this;
    }
    return new AbstractValue(
        candidates.stream().map(c -> c.withStep(step)).toList(),
        objects,
        taints.stream().map(t -> t.withStep(step)).toList(),
        unknown,
        type);
  }

  /** Applies {@code f} to every candidate; a null result makes that path unknown. */
  AbstractValue mapCandidates(Function<Candidate, Candidate> f, String whyNot) {
    List<Candidate> mapped = new ArrayList<>();
    String why = unknown;
    for (Candidate c : candidates) {
      Candidate m = f.apply(c);
      if (m == null) {
        why = whyNot;
      } else {
        mapped.add(m);
      }
    }
    if (candidates.isEmpty() && why == null) {
      why = whyNot;
    }
    return capped(mapped, List.of(), taints, why, null);
  }

  boolean isTainted() {
    return !taints.isEmpty();
  }

  /** True when every path yields a candidate. */
  boolean fullyKnown() {
    return unknown == null && !candidates.isEmpty();
  }

  /** The one constant, when there is exactly one and no unresolved path. */
  Optional<Object> single() {
    return fullyKnown() && candidates.size() == 1
        ? Optional.of(candidates.get(0).value())
        : Optional.empty();
  }

  /** True when every candidate is {@code null} (and nothing else is possible). */
  boolean isNull() {
    return fullyKnown()
        && objects.isEmpty()
        && candidates.stream().allMatch(c -> c.value() == ConstValues.Marker.NULL);
  }

  String unknownOr(String fallback) {
    return unknown != null ? unknown : fallback;
  }

  /** Either path may happen: the union of both. */
  static AbstractValue merge(AbstractValue a, AbstractValue b) {
    if (a == b) {
      return a;
    }
    List<Candidate> candidates = new ArrayList<>(a.candidates);
    candidates.addAll(b.candidates);
    String unknown = a.unknown != null ? a.unknown : b.unknown;
    String type = a.type != null ? a.type : b.type;
    return capped(
        dedupe(candidates),
        distinct(a.objects, b.objects),
        union(a.taints, b.taints),
        unknown,
        type);
  }

  /** Combines two operands' objects-free parts: candidates via {@code combined}, taints joined. */
  static AbstractValue computed(
      List<Candidate> combined, String unknown, AbstractValue left, AbstractValue right) {
    return capped(
        dedupe(combined),
        List.of(),
        union(left.taints, right == null ? List.of() : right.taints),
        unknown,
        null);
  }

  private static AbstractValue capped(
      List<Candidate> candidates,
      List<Receiver> objects,
      List<Taint> taints,
      String unknown,
      String type) {
    if (candidates.size() > MAX_CANDIDATES) {
      return new AbstractValue(
          List.copyOf(candidates.subList(0, MAX_CANDIDATES)),
          objects,
          taints,
          "more than " + MAX_CANDIDATES + " possible values",
          type);
    }
    return new AbstractValue(List.copyOf(candidates), objects, taints, unknown, type);
  }

  private static List<Candidate> dedupe(List<Candidate> candidates) {
    if (candidates.size() < 2) {
      return candidates;
    }
    List<Candidate> out = new ArrayList<>();
    for (Candidate c : candidates) {
      if (!out.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  private static List<Receiver> distinct(List<Receiver> a, List<Receiver> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<Receiver> out = new ArrayList<>(a);
    for (Receiver r : b) {
      if (!out.contains(r)) {
        out.add(r);
      }
    }
    return List.copyOf(out);
  }

  private static List<Taint> union(List<Taint> a, List<Taint> b) {
    if (b.isEmpty()) {
      return a;
    }
    if (a.isEmpty()) {
      return b;
    }
    List<Taint> out = new ArrayList<>(a);
    for (Taint t : b) {
      if (out.stream().noneMatch(x -> x.source() == t.source())) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return "AbstractValue{"
        + candidates.stream().map(c -> String.valueOf(c.value())).toList()
        + (objects.isEmpty() ? "" : " objects=" + objects)
        + (taints.isEmpty() ? "" : " tainted")
        + (unknown == null ? "" : " unknown=" + unknown)
        + "}";
  }
}
