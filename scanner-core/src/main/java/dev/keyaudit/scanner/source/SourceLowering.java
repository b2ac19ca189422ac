package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.ImportDeclaration;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.BodyDeclaration;
import com.github.javaparser.ast.body.CallableDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.ConstructorDeclaration;
import com.github.javaparser.ast.body.EnumConstantDeclaration;
import com.github.javaparser.ast.body.EnumDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.InitializerDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.RecordDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.scanner.jca.JcaApi;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.MethodRef;
import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.resolve.Summaries.FieldSummary;
import dev.keyaudit.scanner.resolve.Summaries.FileSummary;
import dev.keyaudit.scanner.resolve.Summaries.MethodSummary;
import dev.keyaudit.scanner.resolve.Summaries.TypeSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Phase one of value resolution for Java source: lowers one parsed file into the engine's {@link
 * FileSummary} (fields and what is assigned to them, method returns, call sites with their argument
 * expressions), without looking at any other file. Method bodies are lowered by {@link
 * BodyLowering}.
 */
final class SourceLowering {

  final String path;
  final String packageName;
  private final Map<String, String> imports = new HashMap<>();
  private final List<String> asteriskPackages = new ArrayList<>();
  private final Map<String, String> staticImports = new HashMap<>();
  private final Map<String, String> declared = new HashMap<>();
  private final List<TypeSummary> types = new ArrayList<>();

  private SourceLowering(String path, CompilationUnit cu) {
    this.path = path;
    this.packageName = cu.getPackageDeclaration().map(p -> p.getNameAsString()).orElse("");
    for (ImportDeclaration i : cu.getImports()) {
      String name = i.getNameAsString();
      if (i.isAsterisk()) {
        if (!i.isStatic()) {
          asteriskPackages.add(name);
        }
        continue;
      }
      String last = name.substring(name.lastIndexOf('.') + 1);
      if (i.isStatic()) {
        staticImports.put(last, name.substring(0, Math.max(0, name.lastIndexOf('.'))));
      } else {
        imports.put(last, name);
      }
    }
    for (TypeDeclaration<?> t : cu.getTypes()) {
      collectNames(t, qualifiedPrefix());
    }
  }

  /** Only the name qualification of a file (for phase two). */
  static SourceLowering names(String path, CompilationUnit cu) {
    return new SourceLowering(path, cu);
  }

  static FileSummary lower(String path, CompilationUnit cu) {
    SourceLowering l = new SourceLowering(path, cu);
    for (TypeDeclaration<?> t : cu.getTypes()) {
      l.lowerType(t, l.qualifiedPrefix() + t.getNameAsString());
    }
    return new FileSummary(path, l.types);
  }

  private String qualifiedPrefix() {
    return packageName.isEmpty() ? "" : packageName + ".";
  }

  private void collectNames(TypeDeclaration<?> t, String prefix) {
    String name = prefix + t.getNameAsString();
    declared.putIfAbsent(t.getNameAsString(), name);
    for (BodyDeclaration<?> m : t.getMembers()) {
      if (m instanceof TypeDeclaration<?> nested) {
        collectNames(nested, name + ".");
      }
    }
  }

  /** The qualified name a type name written in this file most likely denotes. */
  String qualifyType(String written) {
    int dot = written.indexOf('.');
    String first = dot < 0 ? written : written.substring(0, dot);
    String rest = dot < 0 ? "" : written.substring(dot);
    if (declared.containsKey(first)) {
      return declared.get(first) + rest;
    }
    if (imports.containsKey(first)) {
      return imports.get(first) + rest;
    }
    if (Character.isLowerCase(first.charAt(0)) && dot > 0) {
      return written; // already qualified
    }
    // import java.security.*: a crypto or random API type of that package, so the engine knows
    // new SecureRandom() and SecretKeySpec as such.
    for (String pkg : asteriskPackages) {
      if (JcaApi.ALL.contains(pkg + "." + first)) {
        return pkg + "." + written;
      }
    }
    return qualifiedPrefix() + written;
  }

  Optional<String> staticImportOwner(String member) {
    return Optional.ofNullable(staticImports.get(member));
  }

  Location at(Node node) {
    return node.getRange()
        .map(r -> new Location(path, r.begin.line, r.begin.column, r.end.line, r.end.column + 1))
        .orElse(Location.file(path));
  }

  // ---- types ----------------------------------------------------------------------------------

  /** Mutable per-type collection, turned into a {@link TypeSummary} at the end. */
  static final class TypeBuilder {
    final String name;
    final Map<String, FieldState> fields = new LinkedHashMap<>();
    final List<MethodSummary> methods = new ArrayList<>();
    final List<CallSiteSummary> calls = new ArrayList<>();
    final List<String> methodNames = new ArrayList<>();
    final TypeBuilder outer;

    TypeBuilder(String name, TypeBuilder outer) {
      this.name = name;
      this.outer = outer;
    }

    /** The type (this or an enclosing one) declaring field {@code f}, or null. */
    TypeBuilder fieldOwner(String f) {
      for (TypeBuilder t = this; t != null; t = t.outer) {
        if (t.fields.containsKey(f)) {
          return t;
        }
      }
      return null;
    }

    TypeBuilder methodOwner(String m) {
      for (TypeBuilder t = this; t != null; t = t.outer) {
        if (t.methodNames.contains(m)) {
          return t;
        }
      }
      return this;
    }
  }

  static final class FieldState {
    final boolean isStatic;
    final boolean isFinal;
    final Location at;
    final List<Expr> assigned = new ArrayList<>();
    boolean assignedOutsideConstruction;
    Expression initializer;
    String type;

    FieldState(boolean isStatic, boolean isFinal, Location at) {
      this.isStatic = isStatic;
      this.isFinal = isFinal;
      this.at = at;
    }
  }

  private void lowerType(TypeDeclaration<?> type, String name) {
    lowerType(type, name, null);
  }

  private void lowerType(TypeDeclaration<?> type, String name, TypeBuilder outer) {
    TypeBuilder b = new TypeBuilder(name, outer);
    List<String> supertypes = new ArrayList<>();
    boolean isInterface = type instanceof ClassOrInterfaceDeclaration c && c.isInterface();
    if (type instanceof ClassOrInterfaceDeclaration c) {
      c.getExtendedTypes().forEach(t -> supertypes.add(qualifyType(t.getNameWithScope())));
      c.getImplementedTypes().forEach(t -> supertypes.add(qualifyType(t.getNameWithScope())));
    } else if (type instanceof EnumDeclaration e) {
      e.getImplementedTypes().forEach(t -> supertypes.add(qualifyType(t.getNameWithScope())));
    } else if (type instanceof RecordDeclaration r) {
      r.getImplementedTypes().forEach(t -> supertypes.add(qualifyType(t.getNameWithScope())));
      for (Parameter p : r.getParameters()) {
        b.fields.put(p.getNameAsString(), new FieldState(false, true, at(p)));
      }
    }
    String configPrefix = configurationPrefix(type);
    for (BodyDeclaration<?> m : type.getMembers()) {
      if (m instanceof FieldDeclaration f) {
        for (VariableDeclarator v : f.getVariables()) {
          FieldState s =
              new FieldState(isInterface || f.isStatic(), isInterface || f.isFinal(), at(v));
          s.initializer = v.getInitializer().orElse(null);
          s.type = v.getTypeAsString();
          b.fields.put(v.getNameAsString(), s);
          Optional<Expr> config = valueAnnotation(f.getAnnotations(), at(v));
          if (config.isPresent()) {
            s.assigned.add(config.get());
          } else if (configPrefix != null && !f.isStatic()) {
            Expr fallback =
                s.initializer == null
                    ? null
                    : new BodyLowering(this, b, null, false).lower(s.initializer);
            s.assigned.add(
                new Expr.ConfigLookup(
                    Expr.ConfigKind.SPRING,
                    new Expr.Const(configPrefix + "." + v.getNameAsString(), at(v)),
                    fallback,
                    at(v)));
            s.initializer = null;
          }
        }
      } else if (m instanceof MethodDeclaration md) {
        b.methodNames.add(md.getNameAsString());
      }
    }
    if (type instanceof EnumDeclaration e) {
      for (EnumConstantDeclaration c : e.getEntries()) {
        b.fields.put(c.getNameAsString(), new FieldState(true, true, at(c)));
      }
    }
    // Field initialisers and initialiser blocks run at construction. An initialiser every
    // constructor overwrites is still lowered (for its call sites) but is not a value of the field.
    for (Map.Entry<String, FieldState> f : b.fields.entrySet()) {
      FieldState s = f.getValue();
      if (s.initializer != null) {
        Expr init = new BodyLowering(this, b, null, true).lower(s.initializer);
        if (!OverwrittenInitializers.overwritten(type, f.getKey(), s.isStatic)) {
          s.assigned.add(init);
        }
      }
    }
    MethodRef clinit = new MethodRef(name, "<clinit>", 0);
    for (BodyDeclaration<?> m : type.getMembers()) {
      if (m instanceof InitializerDeclaration init) {
        new BodyLowering(this, b, clinit, true).walkBody(List.of(), init.getBody());
      }
    }
    for (BodyDeclaration<?> m : type.getMembers()) {
      if (m instanceof ConstructorDeclaration c) {
        lowerCallable(b, c, "<init>", true);
      } else if (m instanceof MethodDeclaration md && md.getBody().isPresent()) {
        lowerCallable(b, md, md.getNameAsString(), false);
      }
    }
    if (type instanceof RecordDeclaration r) {
      recordAccessors(b, r);
    }
    if (type instanceof EnumDeclaration e) {
      enumConstants(b, e);
    }
    for (BodyDeclaration<?> m : type.getMembers()) {
      if (m instanceof TypeDeclaration<?> nested) {
        lowerType(nested, name + "." + nested.getNameAsString(), b);
      }
    }
    List<FieldSummary> fields = new ArrayList<>();
    for (Map.Entry<String, FieldState> f : b.fields.entrySet()) {
      FieldState s = f.getValue();
      fields.add(
          new FieldSummary(
              f.getKey(),
              s.isStatic,
              s.isFinal || !s.assignedOutsideConstruction,
              s.at,
              s.assigned));
    }
    types.add(new TypeSummary(name, supertypes, fields, b.methods, b.calls));
  }

  private void lowerCallable(
      TypeBuilder b, CallableDeclaration<?> c, String methodName, boolean construction) {
    MethodRef ref = new MethodRef(b.name, methodName, c.getParameters().size());
    BodyLowering body = new BodyLowering(this, b, ref, construction);
    List<String> names = new ArrayList<>();
    for (Parameter p : c.getParameters()) {
      names.add(p.getNameAsString());
      valueAnnotation(p.getAnnotations(), at(p)).ifPresent(v -> body.bind(p.getNameAsString(), v));
    }
    if (c instanceof MethodDeclaration md) {
      body.walkBody(names, md.getBody().orElseThrow());
    } else if (c instanceof ConstructorDeclaration cd) {
      body.walkBody(names, cd.getBody());
    }
    b.methods.add(new MethodSummary(ref, names, at(c.getName()), body.returns()));
  }

  /** A record's canonical constructor sets its components; accessors return them. */
  private void recordAccessors(TypeBuilder b, RecordDeclaration r) {
    NodeList<Parameter> components = r.getParameters();
    MethodRef canonical = new MethodRef(b.name, "<init>", components.size());
    for (int i = 0; i < components.size(); i++) {
      Parameter p = components.get(i);
      String n = p.getNameAsString();
      b.fields.get(n).assigned.add(new Expr.ParamRef(canonical, i, n, at(p)));
      if (!b.methodNames.contains(n)) {
        b.methods.add(
            new MethodSummary(
                new MethodRef(b.name, n, 0),
                List.of(),
                at(p),
                List.of(new Expr.FieldRef(b.name, n, at(p)))));
      }
    }
    if (b.methods.stream().noneMatch(m -> m.ref().equals(canonical))) {
      b.methods.add(new MethodSummary(canonical, List.of(), at(r.getName()), List.of()));
    }
  }

  /**
   * Each enum constant passes its arguments to the constructor; the instance fields the constructor
   * sets become per-constant pseudo-fields {@code CONSTANT.field}, so {@code Algo.RSA.bits}
   * resolves to RSA's own value, not every constant's.
   */
  private void enumConstants(TypeBuilder b, EnumDeclaration e) {
    for (EnumConstantDeclaration c : e.getEntries()) {
      b.fields.get(c.getNameAsString()).assigned.add(new Expr.Const(c.getNameAsString(), at(c)));
      List<Expr> args = new ArrayList<>();
      for (Expression a : c.getArguments()) {
        args.add(new BodyLowering(this, b, null, true).lower(a));
      }
      MethodRef ctor = new MethodRef(b.name, "<init>", args.size());
      for (ConstructorDeclaration cd : e.getConstructors()) {
        if (cd.getParameters().size() != args.size()) {
          continue;
        }
        BodyLowering body = new BodyLowering(this, b, ctor, true);
        for (int i = 0; i < args.size(); i++) {
          body.bind(cd.getParameter(i).getNameAsString(), args.get(i));
        }
        Map<String, List<Expr>> own = body.walkForFieldAssignments(cd.getBody());
        for (Map.Entry<String, List<Expr>> f : own.entrySet()) {
          FieldState s = new FieldState(false, true, at(c));
          s.assigned.addAll(f.getValue());
          b.fields.putIfAbsent(c.getNameAsString() + "." + f.getKey(), s);
        }
      }
    }
  }

  // ---- configuration annotations ---------------------------------------------------------------

  private Optional<Expr> valueAnnotation(NodeList<AnnotationExpr> annotations, Location at) {
    for (AnnotationExpr a : annotations) {
      if (!a.getNameAsString().endsWith("Value")) {
        continue;
      }
      Optional<String> text = annotationText(a);
      if (text.isPresent()) {
        return Optional.of(placeholder(text.get(), at));
      }
    }
    return Optional.empty();
  }

  /** {@code ${key:default}} as a lookup; anything else as the literal text. */
  static Expr placeholder(String text, Location at) {
    String t = text.strip();
    if (!t.startsWith("${") || !t.endsWith("}")) {
      return new Expr.Const(t, at);
    }
    String inner = t.substring(2, t.length() - 1);
    int colon = inner.indexOf(':');
    String key = colon < 0 ? inner : inner.substring(0, colon);
    Expr fallback = colon < 0 ? null : placeholder(inner.substring(colon + 1), at);
    return new Expr.ConfigLookup(Expr.ConfigKind.SPRING, new Expr.Const(key, at), fallback, at);
  }

  private static Optional<String> annotationText(AnnotationExpr a) {
    Expression value = null;
    if (a.isSingleMemberAnnotationExpr()) {
      value = a.asSingleMemberAnnotationExpr().getMemberValue();
    } else if (a.isNormalAnnotationExpr()) {
      value =
          a.asNormalAnnotationExpr().getPairs().stream()
              .filter(
                  p -> p.getNameAsString().equals("value") || p.getNameAsString().equals("prefix"))
              .map(p -> p.getValue())
              .findFirst()
              .orElse(null);
    }
    return value != null && value.isStringLiteralExpr()
        ? Optional.of(value.asStringLiteralExpr().asString())
        : Optional.empty();
  }

  private static String configurationPrefix(TypeDeclaration<?> type) {
    for (AnnotationExpr a : type.getAnnotations()) {
      if (a.getNameAsString().endsWith("ConfigurationProperties")) {
        return annotationText(a).orElse("");
      }
    }
    return null;
  }

  static boolean isTypeName(Expression e) {
    return e instanceof NameExpr n && Character.isUpperCase(n.getNameAsString().charAt(0));
  }

  static String typeName(ClassOrInterfaceType t) {
    return t.getNameWithScope();
  }
}
