package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.scanner.bytecode.ClassLowering.Lowered;
import dev.keyaudit.scanner.bytecode.ClassLowering.Need;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.MethodRef;
import dev.keyaudit.scanner.resolve.ProjectResolver;
import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.resolve.Summaries.FieldSummary;
import dev.keyaudit.scanner.resolve.Summaries.MethodSummary;
import dev.keyaudit.scanner.resolve.Summaries.TypeSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * Which classes of a project the shared engine needs summarised, found on demand: the classes that
 * name an API first, then, round by round, the classes their values come from — the declaring class
 * of a field they read, of a method whose result they use, and the callers of a method whose
 * parameter they use (found through the callers' constant pools) — following the values only, as
 * the resolver will. Every other class of a dependency tree keeps the cheap path: a constant-pool
 * look. Deterministic: each round is processed in class order.
 */
final class ProjectScope {

  /** Rounds of classes pulled in: the levels a value may cross (caller → facade → … → API). */
  static final int MAX_ROUNDS = 6;

  private final List<String> names;
  private final List<String> internalNames;
  private final Map<String, Integer> byName = new HashMap<>();
  private final IntFunction<ClassLowering> open;
  private final IntFunction<Set<String>> references;
  private final java.util.function.BiPredicate<Integer, String> mentions;
  private final int threads;
  private final ClassLowering[] lowerings;
  private final Lowered[] lowered;
  private final Map<Integer, Set<Need>> done = new HashMap<>();
  private Map<String, List<Integer>> referencedBy;
  private final Map<String, List<Integer>> callers = new HashMap<>();

  /** A value the resolver will ask about, not yet followed. */
  private sealed interface Demand permits FieldDemand, ReturnDemand, ParamDemand {}

  private record FieldDemand(String owner, String name) implements Demand {}

  private record ReturnDemand(MethodRef method) implements Demand {}

  private record ParamDemand(MethodRef method) implements Demand {}

  /** Methods of one class to lower. */
  private record Job(int index, List<Need> needs) {}

  /**
   * @param internalNames the classes' internal names ({@code com/acme/Outer$Inner}), null if
   *     unreadable
   * @param open parses class {@code i} for lowering; null if it cannot be
   * @param references the internal names class {@code i}'s constant pool names
   * @param mentions whether class {@code i}'s constant pool holds a name
   */
  private ProjectScope(
      List<String> internalNames,
      IntFunction<ClassLowering> open,
      IntFunction<Set<String>> references,
      java.util.function.BiPredicate<Integer, String> mentions,
      int threads) {
    this.internalNames = internalNames;
    this.names = internalNames.stream().map(n -> n == null ? null : ValueCalls.fqn(n)).toList();
    this.open = open;
    this.references = references;
    this.mentions = mentions;
    this.threads = threads;
    this.lowerings = new ClassLowering[names.size()];
    this.lowered = new Lowered[names.size()];
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i) != null) {
        byName.putIfAbsent(names.get(i), i);
      }
    }
  }

  /** The summaries the API classes ({@code seeds}) need, in class order. */
  static List<TypeSummary> summaries(
      List<String> internalNames,
      boolean[] seeds,
      IntFunction<ClassLowering> open,
      IntFunction<Set<String>> references,
      java.util.function.BiPredicate<Integer, String> mentions,
      int threads) {
    return new ProjectScope(internalNames, open, references, mentions, threads).run(seeds);
  }

  private List<TypeSummary> run(boolean[] seeds) {
    List<Job> first = new ArrayList<>();
    for (int i = 0; i < seeds.length; i++) {
      if (seeds[i] && names.get(i) != null) {
        first.add(new Job(i, List.of(Need.API)));
      }
    }
    lower(first);
    ArrayDeque<Demand> todo = new ArrayDeque<>();
    for (Job j : first) {
      if (lowered[j.index] != null) {
        apiArguments(lowered[j.index], todo);
      }
    }
    Set<Demand> seen = new HashSet<>();
    for (int round = 0; round < MAX_ROUNDS && !todo.isEmpty(); round++) {
      List<Demand> waiting = new ArrayList<>();
      Map<Integer, List<Need>> wanted = new java.util.TreeMap<>();
      while (!todo.isEmpty()) {
        Demand d = todo.poll();
        if (!seen.add(d)) {
          continue;
        }
        boolean ready = true;
        for (Job j : jobsFor(d)) {
          if (lowered[j.index] == null && lowerings[j.index] == null && done.containsKey(j.index)) {
            continue; // cannot be lowered
          }
          for (Need n : j.needs) {
            if (!done.getOrDefault(j.index, Set.of()).contains(n)) {
              wanted.computeIfAbsent(j.index, k -> new ArrayList<>()).add(n);
              ready = false;
            }
          }
        }
        if (ready) {
          follow(d, todo);
        } else {
          waiting.add(d);
        }
      }
      List<Job> jobs = new ArrayList<>();
      wanted.forEach((i, needs) -> jobs.add(new Job(i, needs)));
      lower(jobs);
      for (Demand d : waiting) {
        seen.remove(d);
        todo.add(d);
      }
    }
    List<TypeSummary> out = new ArrayList<>();
    for (Lowered l : lowered) {
      if (l != null) {
        out.add(l.type());
      }
    }
    return out;
  }

  /** Lowers what each job asks for, classes in parallel. */
  private void lower(List<Job> jobs) {
    List<Lowered> results =
        Parallel.map(
            jobs,
            j -> {
              ClassLowering l =
                  lowerings[j.index] != null ? lowerings[j.index] : open.apply(j.index);
              if (l == null) {
                return null;
              }
              lowerings[j.index] = l;
              try {
                l.lower(j.needs);
              } catch (RuntimeException e) {
                // A malformed method: the summary keeps what was lowered before it.
              }
              return l.result();
            },
            threads);
    for (int k = 0; k < jobs.size(); k++) {
      Job j = jobs.get(k);
      lowered[j.index] = results.get(k);
      done.computeIfAbsent(j.index, x -> new HashSet<>()).addAll(j.needs);
    }
  }

  /** The methods of which classes a demand needs lowered. */
  private List<Job> jobsFor(Demand d) {
    List<Job> out = new ArrayList<>();
    if (d instanceof FieldDemand f) {
      index(f.owner).ifPresent(i -> out.add(new Job(i, List.of(Need.field(f.name)))));
    } else if (d instanceof ReturnDemand r) {
      index(r.method.owner())
          .ifPresent(
              i -> out.add(new Job(i, List.of(Need.returns(r.method.name(), r.method.arity())))));
    } else if (d instanceof ParamDemand p) {
      index(p.method.owner())
          .ifPresent(
              i -> {
                for (int c : callers(i, p.method.name())) {
                  out.add(new Job(c, List.of(Need.callers(p.method.name(), p.method.arity()))));
                }
              });
    }
    return out;
  }

  /** Follows a demand whose classes are summarised: the values it names become demands. */
  private void follow(Demand d, ArrayDeque<Demand> todo) {
    if (d instanceof FieldDemand f) {
      type(f.owner)
          .ifPresent(
              t -> {
                boolean declared = false;
                for (FieldSummary field : t.fields()) {
                  if (field.name().equals(f.name)) {
                    declared = true;
                    field.assigned().forEach(e -> scan(e, todo));
                  }
                }
                if (!declared) {
                  t.supertypes().forEach(s -> todo.add(new FieldDemand(s, f.name)));
                }
              });
    } else if (d instanceof ReturnDemand r) {
      type(r.method.owner())
          .ifPresent(
              t -> {
                boolean declared = false;
                for (MethodSummary m : t.methods()) {
                  if (sameMethod(m.ref(), r.method)) {
                    declared = true;
                    m.returns().forEach(e -> scan(e, todo));
                  }
                }
                if (!declared) {
                  t.supertypes()
                      .forEach(
                          s ->
                              todo.add(
                                  new ReturnDemand(
                                      new MethodRef(s, r.method.name(), r.method.arity()))));
                }
              });
    } else if (d instanceof ParamDemand p) {
      index(p.method.owner())
          .ifPresent(
              i -> {
                for (int c : callers(i, p.method.name())) {
                  if (lowered[c] == null) {
                    continue;
                  }
                  for (CallSiteSummary site : lowered[c].type().callSites()) {
                    if (sameMethod(site.callee(), p.method)) {
                      site.args().forEach(e -> scan(e, todo));
                    }
                  }
                }
              });
    }
  }

  /** A seed class: what it hands to API calls; its own fields and methods follow on demand. */
  private void apiArguments(Lowered l, ArrayDeque<Demand> todo) {
    l.apiArgs().forEach(e -> scan(e, todo));
  }

  private static void scan(Expr e, ArrayDeque<Demand> todo) {
    if (e instanceof Expr.FieldRef f) {
      todo.add(new FieldDemand(f.owner(), f.name()));
    } else if (e instanceof Expr.ParamRef p) {
      todo.add(new ParamDemand(p.method()));
    } else if (e instanceof Expr.Call c) {
      todo.add(new ReturnDemand(c.callee()));
      c.args().forEach(a -> scan(a, todo));
    } else if (e instanceof Expr.Step s) {
      scan(s.inner(), todo);
    } else if (e instanceof Expr.Drawn d) {
      // Output of a generator held elsewhere: where that generator was created.
      scan(d.source(), todo);
    } else if (e instanceof Expr.Concat c) {
      c.parts().forEach(a -> scan(a, todo));
    } else if (e instanceof Expr.Format f) {
      scan(f.format(), todo);
      f.args().forEach(a -> scan(a, todo));
    } else if (e instanceof Expr.Arith a) {
      scan(a.left(), todo);
      scan(a.right(), todo);
    } else if (e instanceof Expr.Branches b) {
      b.alternatives().forEach(a -> scan(a, todo));
    } else if (e instanceof Expr.ConfigLookup l) {
      scan(l.key(), todo);
      if (l.fallback() != null) {
        scan(l.fallback(), todo);
      }
    }
  }

  /** Overloads of one arity are one method to the engine; the owner is matched by the index. */
  private static boolean sameMethod(MethodRef a, MethodRef b) {
    return a.name().equals(b.name()) && a.arity() == b.arity();
  }

  private java.util.Optional<Integer> index(String owner) {
    return java.util.Optional.ofNullable(byName.get(owner));
  }

  private java.util.Optional<TypeSummary> type(String owner) {
    return index(owner).filter(i -> lowered[i] != null).map(i -> lowered[i].type());
  }

  /**
   * Classes whose constant pool names class {@code i} and a member {@code method}: the only ones
   * that can call it. None when there are more than the resolver follows: it would not resolve such
   * a parameter anyway.
   */
  private List<Integer> callers(int i, String method) {
    if (referencedBy == null) {
      referencedBy = new HashMap<>();
      for (int c = 0; c < names.size(); c++) {
        if (names.get(c) == null) {
          continue;
        }
        for (String ref : references.apply(c)) {
          referencedBy.computeIfAbsent(ref, k -> new ArrayList<>()).add(c);
        }
      }
    }
    return callers.computeIfAbsent(
        names.get(i) + "#" + method,
        k -> {
          List<Integer> found = new ArrayList<>();
          for (int c : referencedBy.getOrDefault(internalNames.get(i), List.of())) {
            if (mentions.test(c, method)) {
              found.add(c);
            }
          }
          return found.size() > ProjectResolver.MAX_FAN_OUT ? List.of() : found;
        });
  }
}
