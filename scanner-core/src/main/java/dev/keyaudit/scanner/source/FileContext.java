package dev.keyaudit.scanner.source;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.scanner.resolve.MethodRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the analysis of one file shares: its path, the type resolver, the target JDK, the
 * facts found so far, and the objects and fields whose history becomes facts at the end.
 */
final class FileContext {

  final String path;
  final TypeResolver types;
  final int targetJdk;

  private final List<Fact> facts = new ArrayList<>();
  private final List<TrackedObject> tracked = new ArrayList<>();
  private final List<FieldInfo> fields = new ArrayList<>();
  private final Map<String, ClassScope> topLevel = new LinkedHashMap<>();
  private int anonymousCount;

  /**
   * The project's answer for each parameter this file reads, asked once: a method reads its
   * parameters again and again (loops, every use), and an answer a recursion cut short is not
   * memoised by the engine, so it was derived anew on every read.
   */
  private final Map<MethodRef, Map<Integer, AbstractValue>> parameters = new HashMap<>();

  /** The project-wide resolver, or null when the file is analysed alone. */
  ProjectValues project;

  /** Qualifies type names as written in this file (imports, package). */
  SourceLowering names;

  FileContext(String path, TypeResolver types, int targetJdk) {
    this.path = path;
    this.types = types;
    this.targetJdk = targetJdk;
  }

  /** What the project's call sites pass as parameter {@code index} of {@code method}. */
  AbstractValue parameter(MethodRef method, int index) {
    return parameters
        .computeIfAbsent(method, m -> new HashMap<>())
        .computeIfAbsent(index, i -> project.parameter(method, i));
  }

  void fact(Fact fact) {
    facts.add(fact);
  }

  List<Fact> facts() {
    return facts;
  }

  void track(TrackedObject object) {
    tracked.add(object);
  }

  List<TrackedObject> tracked() {
    return tracked;
  }

  void addTopLevel(ClassScope scope) {
    topLevel.put(scope.name(), scope);
    registerFields(scope);
  }

  void registerFields(ClassScope scope) {
    scope.fields().forEach(fields::add);
    scope.memberTypes().values().forEach(this::registerFields);
  }

  List<FieldInfo> fields() {
    return fields;
  }

  String nextAnonymousName() {
    return String.valueOf(++anonymousCount);
  }

  /**
   * A class of this file named by a (possibly dotted) name as seen from {@code from}: {@code
   * Nested}, {@code Outer.Nested}, {@code Keys}.
   */
  ClassScope findClass(String dotted, ClassScope from) {
    String[] parts = dotted.split("\\.");
    ClassScope scope = from == null ? null : from.visibleMemberType(parts[0]);
    if (scope == null) {
      scope = topLevel.get(parts[0]);
    }
    for (int i = 1; scope != null && i < parts.length; i++) {
      scope = scope.memberTypes().get(parts[i]);
    }
    return scope;
  }

  /** The node's source region. */
  /** The qualified name of a class of this file (package + nesting). */
  String qualified(ClassScope scope) {
    String pkg = types.packageName();
    return pkg.isEmpty() ? scope.name() : pkg + "." + scope.name();
  }

  Location at(Node node) {
    return node.getRange()
        .map(r -> new Location(path, r.begin.line, r.begin.column, r.end.line, r.end.column + 1))
        .orElse(Location.file(path));
  }

  /**
   * A method call's region, starting at the method name: the line javac attributes the call to when
   * a chained call spans several lines.
   */
  Location callAt(MethodCallExpr call) {
    Position begin = call.getName().getBegin().orElse(null);
    Position end = call.getEnd().orElse(null);
    if (begin == null || end == null) {
      return at(call);
    }
    return new Location(path, begin.line, begin.column, end.line, end.column + 1);
  }

  /** The location of a call or object creation. */
  Location callSite(Node call) {
    return call instanceof MethodCallExpr m ? callAt(m) : at(call);
  }
}
