package dev.keyaudit.scanner.resolve;

import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.resolve.Summaries.FieldSummary;
import dev.keyaudit.scanner.resolve.Summaries.FileSummary;
import dev.keyaudit.scanner.resolve.Summaries.MethodSummary;
import dev.keyaudit.scanner.resolve.Summaries.TypeSummary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The whole project's declarations and call sites, built once from every file's {@link
 * FileSummary}. Immutable after construction and sorted by name and location, so lookups answer the
 * same whatever order the files were summarised in.
 */
public final class ProjectIndex {

  /** Owner of a call whose receiver type the frontend could not tell. */
  public static final String UNKNOWN_OWNER = "?";

  private final Map<String, TypeSummary> types = new TreeMap<>();
  private final Map<String, List<String>> bySimpleName = new HashMap<>();
  private final Map<String, List<MethodSummary>> methodsByName = new HashMap<>();

  /** Call sites by callee name and arity, then by the callee owner as written. */
  private final Map<String, Map<String, List<CallSiteSummary>>> callsByName = new HashMap<>();

  private final Map<String, Optional<String>> qualified =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Set<String>> ancestors = new java.util.concurrent.ConcurrentHashMap<>();
  // The resolver asks for a method's callers and targets again for every question a cycle cut
  // short; filtering every same-named declaration and call site each time dominated the scan.
  private final Map<MethodRef, List<CallSiteSummary>> callers =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<MethodRef, List<MethodSummary>> methods =
      new java.util.concurrent.ConcurrentHashMap<>();

  public ProjectIndex(List<FileSummary> files) {
    List<FileSummary> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(FileSummary::path));
    for (FileSummary file : sorted) {
      for (TypeSummary type : file.types()) {
        types.putIfAbsent(type.name(), type);
      }
    }
    for (TypeSummary type : types.values()) {
      bySimpleName.computeIfAbsent(simple(type.name()), k -> new ArrayList<>()).add(type.name());
      for (MethodSummary m : type.methods()) {
        methodsByName.computeIfAbsent(key(m.ref()), k -> new ArrayList<>()).add(m);
      }
      for (CallSiteSummary c : type.callSites()) {
        callsByName
            .computeIfAbsent(key(c.callee()), k -> new HashMap<>())
            .computeIfAbsent(c.callee().owner(), k -> new ArrayList<>())
            .add(c);
      }
    }
  }

  /**
   * The qualified name {@code name} denotes: itself, the only project type ending so, or the only
   * project type of that simple name.
   */
  public Optional<String> qualify(String name) {
    return qualified.computeIfAbsent(name, this::qualifyUncached);
  }

  private Optional<String> qualifyUncached(String name) {
    if (types.containsKey(name)) {
      return Optional.of(name);
    }
    List<String> candidates = bySimpleName.getOrDefault(simple(name), List.of());
    List<String> matching = candidates.stream().filter(c -> c.endsWith("." + name)).toList();
    if (matching.size() == 1) {
      return Optional.of(matching.get(0));
    }
    // A frontend's guess at the package (a wildcard import) may be wrong: a unique simple name
    // still identifies the type.
    return matching.isEmpty() && candidates.size() == 1
        ? Optional.of(candidates.get(0))
        : Optional.empty();
  }

  public Optional<TypeSummary> type(String name) {
    return qualify(name).map(types::get);
  }

  /** A field declared in {@code owner} or inherited from its supertypes (interface constants). */
  public Optional<FieldSummary> field(String owner, String name) {
    return field(owner, name, new LinkedHashSet<>());
  }

  private Optional<FieldSummary> field(String owner, String name, Set<String> seen) {
    Optional<TypeSummary> type = type(owner);
    if (type.isEmpty() || !seen.add(type.get().name())) {
      return Optional.empty();
    }
    for (FieldSummary f : type.get().fields()) {
      if (f.name().equals(name)) {
        return Optional.of(f);
      }
    }
    for (String sup : type.get().supertypes()) {
      Optional<FieldSummary> inherited = field(sup, name, seen);
      if (inherited.isPresent()) {
        return inherited;
      }
    }
    return Optional.empty();
  }

  /** The qualified owner that declares field {@code name} as seen from {@code owner}. */
  public Optional<String> fieldOwner(String owner, String name) {
    Optional<TypeSummary> type = type(owner);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    for (FieldSummary f : type.get().fields()) {
      if (f.name().equals(name)) {
        return Optional.of(type.get().name());
      }
    }
    for (String sup : type.get().supertypes()) {
      Optional<String> o = fieldOwner(sup, name);
      if (o.isPresent()) {
        return o;
      }
    }
    return Optional.empty();
  }

  /**
   * The methods a call to {@code ref} may run: same name and arity in the named owner (or its
   * subtypes' and supertypes' declarations); for an unknown owner, every project method of that
   * name and arity.
   */
  public List<MethodSummary> methods(MethodRef ref) {
    return methods.computeIfAbsent(ref, this::methodsUncached);
  }

  private List<MethodSummary> methodsUncached(MethodRef ref) {
    List<MethodSummary> all = methodsByName.getOrDefault(key(ref), List.of());
    if (ref.owner().equals(UNKNOWN_OWNER)) {
      return all;
    }
    Optional<String> owner = qualify(ref.owner());
    if (owner.isEmpty()) {
      return List.of();
    }
    List<MethodSummary> own =
        all.stream().filter(m -> related(m.ref().owner(), owner.get())).toList();
    return own;
  }

  /** Call sites that may call {@code method} (its own owner, a related type, or unknown owner). */
  public List<CallSiteSummary> callers(MethodRef method) {
    return callers.computeIfAbsent(method, this::callersUncached);
  }

  private List<CallSiteSummary> callersUncached(MethodRef method) {
    List<CallSiteSummary> result = new ArrayList<>();
    // Many call sites share an owner: decide each owner once.
    for (Map.Entry<String, List<CallSiteSummary>> byOwner :
        callsByName.getOrDefault(key(method), Map.of()).entrySet()) {
      if (calls(byOwner.getKey(), method)) {
        result.addAll(byOwner.getValue());
      }
    }
    result.sort(
        Comparator.comparing((CallSiteSummary c) -> c.at().path())
            .thenComparingInt(c -> c.at().startLine())
            .thenComparingInt(c -> c.at().startColumn()));
    return List.copyOf(result);
  }

  /** Whether a call written with owner {@code owner} may call {@code method}. */
  private boolean calls(String owner, MethodRef method) {
    if (owner.equals(UNKNOWN_OWNER)) {
      return true;
    }
    Optional<String> q = qualify(owner);
    return q.isPresent() && related(q.get(), method.owner());
  }

  /** True when one type is the other or a (transitive) supertype of it. */
  boolean related(String a, String b) {
    return a.equals(b) || ancestors(a).contains(b) || ancestors(b).contains(a);
  }

  /** The project supertypes of a type, transitively (computed once per type). */
  private Set<String> ancestors(String type) {
    Set<String> cached = ancestors.get(type);
    if (cached != null) {
      return cached;
    }
    Set<String> all = new LinkedHashSet<>();
    java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(List.of(type));
    while (!todo.isEmpty()) {
      Optional<TypeSummary> t = type(todo.pop());
      if (t.isEmpty()) {
        continue;
      }
      for (String s : t.get().supertypes()) {
        Optional<String> q = qualify(s);
        if (q.isPresent() && all.add(q.get())) {
          todo.push(q.get());
        }
      }
    }
    ancestors.putIfAbsent(type, all);
    return all;
  }

  /** Every project type, by name. */
  public java.util.Collection<TypeSummary> types() {
    return java.util.Collections.unmodifiableCollection(types.values());
  }

  public int typeCount() {
    return types.size();
  }

  private static String key(MethodRef ref) {
    return ref.name() + "/" + ref.arity();
  }

  static String simple(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
