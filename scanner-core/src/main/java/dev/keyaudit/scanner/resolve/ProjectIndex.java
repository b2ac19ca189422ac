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
  // Hash lookups for the resolver's millions of questions; the TreeMap keeps the iteration order.
  private final Map<String, TypeSummary> typeByName = new HashMap<>();
  private final Map<String, List<String>> bySimpleName = new HashMap<>();
  private final Map<String, List<MethodSummary>> methodsByName = new HashMap<>();

  /** Methods by name and arity, then by declaring type, each with its place in the name's list. */
  private final Map<String, Map<String, OwnerMethods>> methodsByNameAndOwner = new HashMap<>();

  /** Call sites by callee name and arity, then by the callee owner as written. */
  private final Map<String, Map<String, List<CallSiteSummary>>> callsByName = new HashMap<>();

  private final Map<String, Optional<String>> qualified =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Set<String>> ancestors = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Optional<TypeSummary>> resolvedTypes =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Map<String, Optional<String>>> fieldOwners =
      new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Map<String, List<String>> descendants;

  /**
   * Call sites by callee name and arity, then by the type their owner denotes ({@link
   * #UNKNOWN_OWNER} kept).
   */
  private final Map<String, Map<String, List<CallSiteSummary>>> callsByQualifiedOwner =
      new java.util.concurrent.ConcurrentHashMap<>();

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
    typeByName.putAll(types);
    for (TypeSummary type : types.values()) {
      bySimpleName.computeIfAbsent(simple(type.name()), k -> new ArrayList<>()).add(type.name());
      for (MethodSummary m : type.methods()) {
        List<MethodSummary> named =
            methodsByName.computeIfAbsent(key(m.ref()), k -> new ArrayList<>());
        methodsByNameAndOwner
            .computeIfAbsent(key(m.ref()), k -> new HashMap<>())
            .computeIfAbsent(
                m.ref().owner(), k -> new OwnerMethods(named.size(), new ArrayList<>()))
            .methods()
            .add(m);
        named.add(m);
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
    Optional<String> known = qualified.get(name);
    return known != null ? known : qualified.computeIfAbsent(name, this::qualifyUncached);
  }

  private Optional<String> qualifyUncached(String name) {
    if (typeByName.containsKey(name)) {
      return Optional.of(name);
    }
    if (isPlatformName(name)) {
      // java.lang.Iterable is never the project's own Iterable, however unique its simple name
      return Optional.empty();
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
    Optional<TypeSummary> known = resolvedTypes.get(name);
    return known != null
        ? known
        : resolvedTypes.computeIfAbsent(name, n -> qualify(n).map(typeByName::get));
  }

  /** A field declared in {@code owner} or inherited from its supertypes (interface constants). */
  public Optional<FieldSummary> field(String owner, String name) {
    return fieldOwner(owner, name)
        .flatMap(this::type)
        .flatMap(t -> t.fields().stream().filter(f -> f.name().equals(name)).findFirst());
  }

  /** The qualified owner that declares field {@code name} as seen from {@code owner}. */
  public Optional<String> fieldOwner(String owner, String name) {
    Map<String, Optional<String>> byName =
        fieldOwners.computeIfAbsent(owner, o -> new java.util.concurrent.ConcurrentHashMap<>());
    Optional<String> known = byName.get(name);
    if (known == null) {
      known = fieldOwnerUncached(owner, name, new java.util.HashSet<>());
      byName.putIfAbsent(name, known);
    }
    return known;
  }

  /** Depth first, nearest declaration first; each type once (supertype names can loop). */
  private Optional<String> fieldOwnerUncached(String owner, String name, Set<String> seen) {
    Optional<TypeSummary> type = type(owner);
    if (type.isEmpty() || !seen.add(type.get().name())) {
      return Optional.empty();
    }
    for (FieldSummary f : type.get().fields()) {
      if (f.name().equals(name)) {
        return Optional.of(type.get().name());
      }
    }
    for (String sup : type.get().supertypes()) {
      Optional<String> o = fieldOwnerUncached(sup, name, seen);
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
    List<MethodSummary> known = methods.get(ref);
    return known != null ? known : methods.computeIfAbsent(ref, this::methodsUncached);
  }

  private List<MethodSummary> methodsUncached(MethodRef ref) {
    if (ref.owner().equals(UNKNOWN_OWNER)) {
      return methodsByName.getOrDefault(key(ref), List.of());
    }
    Optional<String> owner = qualify(ref.owner());
    Map<String, OwnerMethods> byOwner = methodsByNameAndOwner.get(key(ref));
    if (owner.isEmpty() || byOwner == null) {
      return List.of();
    }
    // the related types' declarations, in the order of the name's list (type name, then source)
    List<OwnerMethods> found = new ArrayList<>();
    for (String t : relatedTypes(owner.get())) {
      OwnerMethods declared = byOwner.get(t);
      if (declared != null) {
        found.add(declared);
      }
    }
    found.sort(Comparator.comparingInt(OwnerMethods::firstIndex));
    List<MethodSummary> own = new ArrayList<>();
    found.forEach(declared -> own.addAll(declared.methods()));
    return List.copyOf(own);
  }

  /** The type itself, its project supertypes and its project subtypes, each once. */
  private Set<String> relatedTypes(String type) {
    Set<String> related = new LinkedHashSet<>();
    related.add(type);
    related.addAll(ancestors(type));
    related.addAll(descendants().getOrDefault(type, List.of()));
    return related;
  }

  /** Project types by each of their (transitive) project supertypes; built on first use. */
  private Map<String, List<String>> descendants() {
    Map<String, List<String>> d = descendants;
    if (d == null) {
      synchronized (this) {
        d = descendants;
        if (d == null) {
          d = new HashMap<>();
          for (String type : types.keySet()) {
            for (String sup : ancestors(type)) {
              d.computeIfAbsent(sup, k -> new ArrayList<>()).add(type);
            }
          }
          descendants = d;
        }
      }
    }
    return d;
  }

  /** One type's declarations of one method name and arity. */
  private record OwnerMethods(int firstIndex, List<MethodSummary> methods) {}

  /** Call sites that may call {@code method} (its own owner, a related type, or unknown owner). */
  public List<CallSiteSummary> callers(MethodRef method) {
    return callers.computeIfAbsent(method, this::callersUncached);
  }

  private List<CallSiteSummary> callersUncached(MethodRef method) {
    // The owners a call may name to reach the method: unknown, the method's type, its supertypes
    // and its subtypes; looked up instead of testing every owner that has a call of this name.
    Map<String, List<CallSiteSummary>> byOwner = callsByQualifiedOwner(key(method));
    List<CallSiteSummary> result = new ArrayList<>();
    Set<String> owners = new LinkedHashSet<>();
    owners.add(UNKNOWN_OWNER);
    owners.addAll(relatedTypes(method.owner()));
    for (String owner : owners) {
      result.addAll(byOwner.getOrDefault(owner, List.of()));
    }
    result.sort(
        Comparator.comparing((CallSiteSummary c) -> c.at().path())
            .thenComparingInt(c -> c.at().startLine())
            .thenComparingInt(c -> c.at().startColumn()));
    return List.copyOf(result);
  }

  /** One name's call sites grouped by the type each owner as written denotes (built once). */
  private Map<String, List<CallSiteSummary>> callsByQualifiedOwner(String key) {
    Map<String, List<CallSiteSummary>> known = callsByQualifiedOwner.get(key);
    if (known != null) {
      return known;
    }
    return callsByQualifiedOwner.computeIfAbsent(
        key,
        k -> {
          Map<String, List<CallSiteSummary>> grouped = new HashMap<>();
          for (Map.Entry<String, List<CallSiteSummary>> e :
              callsByName.getOrDefault(k, Map.of()).entrySet()) {
            Optional<String> q =
                e.getKey().equals(UNKNOWN_OWNER) ? Optional.of(UNKNOWN_OWNER) : qualify(e.getKey());
            q.ifPresent(
                owner ->
                    grouped.computeIfAbsent(owner, o -> new ArrayList<>()).addAll(e.getValue()));
          }
          return grouped;
        });
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
        if (q.isPresent() && !q.get().equals(type) && all.add(q.get())) {
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

  private static boolean isPlatformName(String name) {
    return name.startsWith("java.") || name.startsWith("javax.") || name.startsWith("jdk.");
  }

  static String simple(String name) {
    int dot = name.lastIndexOf('.');
    return dot < 0 ? name : name.substring(dot + 1);
  }
}
