package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.BooleanLiteralExpr;
import com.github.javaparser.ast.expr.CastExpr;
import com.github.javaparser.ast.expr.CharLiteralExpr;
import com.github.javaparser.ast.expr.ConditionalExpr;
import com.github.javaparser.ast.expr.DoubleLiteralExpr;
import com.github.javaparser.ast.expr.EnclosedExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SuperExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.MethodRef;
import dev.keyaudit.scanner.resolve.ProjectIndex;
import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.source.SourceLowering.FieldState;
import dev.keyaudit.scanner.source.SourceLowering.TypeBuilder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lowers one method body (or one initialiser expression) into the IR: locals are followed through
 * reassignment and branches (differing branch values become {@link Expr.Branches}), branches behind
 * a literal {@code false} are dropped, every call becomes a call site of the type, every assignment
 * to a field is recorded on it.
 */
final class BodyLowering {

  private static final int MAX_BRANCHES = 8;

  private final SourceLowering file;
  private final TypeBuilder type;
  private final MethodRef method;
  private final boolean construction;
  private final Map<String, Integer> params = new HashMap<>();
  private Map<String, Expr> locals = new LinkedHashMap<>();
  private final Map<String, String> localTypes = new HashMap<>();
  private final List<Expr> returns = new ArrayList<>();
  private Map<String, List<Expr>> captureFields;

  BodyLowering(SourceLowering file, TypeBuilder type, MethodRef method, boolean construction) {
    this.file = file;
    this.type = type;
    this.method = method;
    this.construction = construction;
  }

  /** Binds a parameter name to a known expression (an enum constant's argument, {@code @Value}). */
  void bind(String name, Expr value) {
    locals.put(name, value);
  }

  List<Expr> returns() {
    return returns;
  }

  void walkBody(List<String> parameterNames, BlockStmt body) {
    for (int i = 0; i < parameterNames.size(); i++) {
      if (!locals.containsKey(parameterNames.get(i))) {
        params.put(parameterNames.get(i), i);
      }
    }
    walk(body);
  }

  /** Walks a constructor body and returns the field assignments instead of recording them. */
  Map<String, List<Expr>> walkForFieldAssignments(BlockStmt body) {
    captureFields = new LinkedHashMap<>();
    walk(body);
    return captureFields;
  }

  // ---- statements -------------------------------------------------------------------------------

  private void walk(Statement s) {
    if (s instanceof BlockStmt b) {
      b.getStatements().forEach(this::walk);
    } else if (s instanceof ExpressionStmt e) {
      lower(e.getExpression());
    } else if (s instanceof ReturnStmt r) {
      r.getExpression().ifPresent(x -> returns.add(lower(x)));
    } else if (s instanceof IfStmt i) {
      Boolean cond = constantCondition(i.getCondition());
      if (cond == null) {
        lower(i.getCondition());
      }
      Map<String, Expr> before = locals;
      Map<String, Expr> thenLocals = before;
      if (!Boolean.FALSE.equals(cond)) {
        locals = new LinkedHashMap<>(before);
        walk(i.getThenStmt());
        thenLocals = locals;
      }
      Map<String, Expr> elseLocals = before;
      if (!Boolean.TRUE.equals(cond) && i.getElseStmt().isPresent()) {
        locals = new LinkedHashMap<>(before);
        walk(i.getElseStmt().get());
        elseLocals = locals;
      }
      locals = merge(List.of(thenLocals, elseLocals));
    } else if (s instanceof SwitchStmt sw) {
      lower(sw.getSelector());
      Map<String, Expr> before = locals;
      List<Map<String, Expr>> outs = new ArrayList<>();
      boolean hasDefault = false;
      for (SwitchEntry entry : sw.getEntries()) {
        hasDefault |= entry.getLabels().isEmpty();
        locals = new LinkedHashMap<>(before);
        entry.getStatements().forEach(this::walk);
        outs.add(locals);
      }
      if (!hasDefault) {
        outs.add(before);
      }
      locals = outs.isEmpty() ? before : merge(outs);
    } else if (s instanceof ForStmt f) {
      f.getInitialization().forEach(this::lower);
      loop(f.getBody());
    } else if (s instanceof ForEachStmt f) {
      lower(f.getIterable());
      locals.put(f.getVariable().getVariable(0).getNameAsString(), Expr.unknown("loop element"));
      loop(f.getBody());
    } else if (s instanceof WhileStmt w) {
      lower(w.getCondition());
      loop(w.getBody());
    } else if (s instanceof DoStmt d) {
      loop(d.getBody());
    } else if (s instanceof TryStmt t) {
      t.getResources().forEach(this::lower);
      walk(t.getTryBlock());
      Map<String, Expr> afterTry = locals;
      List<Map<String, Expr>> outs = new ArrayList<>(List.of(afterTry));
      t.getCatchClauses()
          .forEach(
              c -> {
                locals = new LinkedHashMap<>(afterTry);
                walk(c.getBody());
                outs.add(locals);
              });
      locals = merge(outs);
      t.getFinallyBlock().ifPresent(this::walk);
    } else if (s instanceof SynchronizedStmt sy) {
      walk(sy.getBody());
    } else if (s instanceof LabeledStmt l) {
      walk(l.getStatement());
    } else if (s instanceof YieldStmt y) {
      returns.add(lower(y.getExpression()));
    }
  }

  private void loop(Statement body) {
    Map<String, Expr> before = locals;
    locals = new LinkedHashMap<>(before);
    walk(body);
    locals = merge(List.of(before, locals));
  }

  private Map<String, Expr> merge(List<Map<String, Expr>> outs) {
    Map<String, Expr> merged = new LinkedHashMap<>();
    for (Map<String, Expr> out : outs) {
      for (String k : out.keySet()) {
        merged.putIfAbsent(k, null);
      }
    }
    for (String k : merged.keySet()) {
      List<Expr> alternatives = new ArrayList<>();
      for (Map<String, Expr> out : outs) {
        Expr v = out.get(k);
        if (v == null) {
          v = Expr.unknown("local " + k + " not assigned on every path");
        }
        if (v instanceof Expr.Branches b) {
          b.alternatives().forEach(a -> addDistinct(alternatives, a));
        } else {
          addDistinct(alternatives, v);
        }
      }
      merged.put(
          k,
          alternatives.size() == 1
              ? alternatives.get(0)
              : alternatives.size() > MAX_BRANCHES
                  ? Expr.unknown("local " + k + " has too many values")
                  : new Expr.Branches(alternatives));
    }
    return merged;
  }

  private static void addDistinct(List<Expr> list, Expr e) {
    if (!list.contains(e)) {
      list.add(e);
    }
  }

  /** {@code true}/{@code false} literals, their negation, and literal-initialised constants. */
  private Boolean constantCondition(Expression e) {
    if (e instanceof BooleanLiteralExpr b) {
      return b.getValue();
    }
    if (e instanceof EnclosedExpr en) {
      return constantCondition(en.getInner());
    }
    if (e instanceof UnaryExpr u && u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      Boolean inner = constantCondition(u.getExpression());
      return inner == null ? null : !inner;
    }
    if (e instanceof NameExpr n && !locals.containsKey(n.getNameAsString())) {
      TypeBuilder owner = type.fieldOwner(n.getNameAsString());
      FieldState f = owner == null ? null : owner.fields.get(n.getNameAsString());
      if (f != null && f.isStatic && f.isFinal && f.initializer instanceof BooleanLiteralExpr b) {
        return b.getValue();
      }
    }
    return null;
  }

  // ---- expressions ------------------------------------------------------------------------------

  Expr lower(Expression e) {
    if (e instanceof IntegerLiteralExpr i) {
      Number n = i.asNumber();
      return new Expr.Const(n, file.at(e));
    }
    if (e instanceof LongLiteralExpr l) {
      return new Expr.Const(l.asNumber().longValue(), file.at(e));
    }
    if (e instanceof StringLiteralExpr s) {
      return new Expr.Const(s.asString(), file.at(e));
    }
    if (e instanceof TextBlockLiteralExpr t) {
      return new Expr.Const(t.asString(), file.at(e));
    }
    if (e instanceof CharLiteralExpr c) {
      return new Expr.Const(c.asChar(), file.at(e));
    }
    if (e instanceof BooleanLiteralExpr b) {
      return new Expr.Const(b.getValue(), file.at(e));
    }
    if (e instanceof DoubleLiteralExpr d) {
      return new Expr.Const(d.asDouble(), file.at(e));
    }
    if (e instanceof NullLiteralExpr) {
      return new Expr.Const(Expr.NULL, file.at(e));
    }
    if (e instanceof EnclosedExpr en) {
      return lower(en.getInner());
    }
    if (e instanceof CastExpr c) {
      return lower(c.getExpression());
    }
    if (e instanceof NameExpr n) {
      return name(n.getNameAsString(), e);
    }
    if (e instanceof FieldAccessExpr f) {
      return fieldAccess(f);
    }
    if (e instanceof BinaryExpr b) {
      return binary(b);
    }
    if (e instanceof UnaryExpr u) {
      Expr inner = lower(u.getExpression());
      return switch (u.getOperator()) {
        case MINUS -> new Expr.Arith("-", new Expr.Const(0, file.at(e)), inner);
        case PLUS -> inner;
        default -> Expr.unknown("unary " + u.getOperator().asString());
      };
    }
    if (e instanceof ConditionalExpr c) {
      Boolean cond = constantCondition(c.getCondition());
      if (cond != null) {
        return lower(cond ? c.getThenExpr() : c.getElseExpr());
      }
      lower(c.getCondition());
      return new Expr.Branches(List.of(lower(c.getThenExpr()), lower(c.getElseExpr())));
    }
    if (e instanceof AssignExpr a) {
      return assign(a);
    }
    if (e instanceof VariableDeclarationExpr v) {
      for (VariableDeclarator d : v.getVariables()) {
        localTypes.put(d.getNameAsString(), d.getTypeAsString());
        locals.put(
            d.getNameAsString(),
            d.getInitializer().map(this::lower).orElse(Expr.unknown("not initialised")));
      }
      return Expr.unknown("declaration");
    }
    if (e instanceof MethodCallExpr call) {
      return call(call);
    }
    if (e instanceof ObjectCreationExpr o) {
      List<Expr> args = o.getArguments().stream().map(this::lower).toList();
      MethodRef ctor =
          new MethodRef(file.qualifyType(o.getType().getNameWithScope()), "<init>", args.size());
      site(ctor, o, args);
      // The engine follows the objects its library model knows (random generators); others stay
      // unknown there.
      return new Expr.Call(ctor, args, file.at(e));
    }
    if (e instanceof LambdaExpr l) {
      // A supplier's value is what it returns: {@code () -> 2048}.get() is 2048.
      if (l.getParameters().isEmpty()) {
        if (l.getExpressionBody().isPresent()) {
          return lower(l.getExpressionBody().get());
        }
        BodyLowering inner = new BodyLowering(file, type, method, false);
        inner.locals = new LinkedHashMap<>(locals);
        inner.params.putAll(params);
        inner.walk(l.getBody());
        return inner.returns.isEmpty()
            ? Expr.unknown("lambda")
            : inner.returns.size() == 1 ? inner.returns.get(0) : new Expr.Branches(inner.returns);
      }
      return Expr.unknown("lambda with parameters");
    }
    if (e instanceof MethodReferenceExpr r) {
      Expression scope = r.getScope();
      String owner =
          scope instanceof ThisExpr
              ? type.name
              : scope.isTypeExpr() || SourceLowering.isTypeName(scope)
                  ? file.qualifyType(scope.toString())
                  : ProjectIndex.UNKNOWN_OWNER;
      return new Expr.Call(new MethodRef(owner, r.getIdentifier(), 0), List.of(), file.at(e));
    }
    if (e instanceof SwitchExpr sw) {
      lower(sw.getSelector());
      List<Expr> alternatives = new ArrayList<>();
      for (SwitchEntry entry : sw.getEntries()) {
        for (Statement st : entry.getStatements()) {
          if (st instanceof ExpressionStmt es) {
            alternatives.add(lower(es.getExpression()));
          } else {
            BodyLowering inner = new BodyLowering(file, type, method, construction);
            inner.locals = new LinkedHashMap<>(locals);
            inner.params.putAll(params);
            inner.walk(st);
            alternatives.addAll(inner.returns);
          }
        }
      }
      return alternatives.isEmpty()
          ? Expr.unknown("switch expression")
          : alternatives.size() == 1 ? alternatives.get(0) : new Expr.Branches(alternatives);
    }
    // Walk sub-expressions for their call sites (array initialisers, instanceof...).
    for (Node child : e.getChildNodes()) {
      if (child instanceof Expression x) {
        lower(x);
      }
    }
    return Expr.unknown(kind(e));
  }

  private static String kind(Expression e) {
    String n = e.getClass().getSimpleName();
    return "expression " + (n.endsWith("Expr") ? n.substring(0, n.length() - 4) : n);
  }

  private Expr name(String name, Expression at) {
    if (locals.containsKey(name)) {
      return locals.get(name);
    }
    if (params.containsKey(name)) {
      return new Expr.ParamRef(method, params.get(name), name, file.at(at));
    }
    TypeBuilder owner = type.fieldOwner(name);
    if (owner != null) {
      return new Expr.FieldRef(owner.name, name, file.at(at));
    }
    return file.staticImportOwner(name)
        .<Expr>map(o -> new Expr.FieldRef(o, name, file.at(at)))
        // Inherited (an interface constant): the index looks through supertypes.
        .orElseGet(() -> new Expr.FieldRef(type.name, name, file.at(at)));
  }

  private boolean isVariable(String name) {
    return locals.containsKey(name) || params.containsKey(name) || type.fieldOwner(name) != null;
  }

  private Expr fieldAccess(FieldAccessExpr f) {
    String name = f.getNameAsString();
    Expression scope = f.getScope();
    if (scope instanceof ThisExpr) {
      return new Expr.FieldRef(type.name, name, file.at(f));
    }
    java.util.Optional<String> dotted = ExpressionEvaluator.dottedName(scope);
    if (dotted.isPresent()) {
      String d = dotted.get();
      String first = d.contains(".") ? d.substring(0, d.indexOf('.')) : d;
      if (!isVariable(first) && Character.isUpperCase(first.charAt(0))) {
        int lastDot = d.lastIndexOf('.');
        String last = lastDot < 0 ? d : d.substring(lastDot + 1);
        if (lastDot > 0 && isConstantName(last)) {
          // Enum constant's field: Algo.RSA.bits is the pseudo-field "RSA.bits" of Algo.
          return new Expr.FieldRef(
              file.qualifyType(d.substring(0, lastDot)), last + "." + name, file.at(f));
        }
        return new Expr.FieldRef(file.qualifyType(d), name, file.at(f));
      }
    }
    lower(scope);
    return Expr.unknown("field " + name + " of an object");
  }

  private static boolean isConstantName(String s) {
    return s.length() > 1
        && s.chars().allMatch(c -> Character.isUpperCase(c) || Character.isDigit(c) || c == '_');
  }

  private Expr binary(BinaryExpr b) {
    Expr left = lower(b.getLeft());
    Expr right = lower(b.getRight());
    String op = b.getOperator().asString();
    if (b.getOperator() == BinaryExpr.Operator.PLUS && (isText(left) || isText(right))) {
      List<Expr> parts = new ArrayList<>();
      for (Expr x : List.of(left, right)) {
        if (x instanceof Expr.Concat c) {
          parts.addAll(c.parts());
        } else {
          parts.add(x);
        }
      }
      return new Expr.Concat(parts);
    }
    return switch (op) {
      case "+", "-", "*", "/", "%", "<<", ">>", "&", "|", "^" -> new Expr.Arith(op, left, right);
      default -> Expr.unknown("operator " + op);
    };
  }

  private static boolean isText(Expr e) {
    return e instanceof Expr.Concat
        || e instanceof Expr.Format
        || (e instanceof Expr.Const c && c.value() instanceof String);
  }

  private Expr assign(AssignExpr a) {
    Expr value = lower(a.getValue());
    if (a.getOperator() != AssignExpr.Operator.ASSIGN) {
      String op = a.getOperator().asString();
      Expr current = lower(a.getTarget());
      value =
          op.equals("+=") && (isText(current) || isText(value))
              ? new Expr.Concat(List.of(current, value))
              : new Expr.Arith(op.substring(0, op.length() - 1), current, value);
    }
    Expression target = a.getTarget();
    if (target instanceof NameExpr n
        && (locals.containsKey(n.getNameAsString()) || params.containsKey(n.getNameAsString()))) {
      params.remove(n.getNameAsString());
      locals.put(n.getNameAsString(), value);
      return value;
    }
    String field = null;
    if (target instanceof NameExpr n && type.fields.containsKey(n.getNameAsString())) {
      field = n.getNameAsString();
    } else if (target instanceof FieldAccessExpr f
        && f.getScope() instanceof ThisExpr
        && type.fields.containsKey(f.getNameAsString())) {
      field = f.getNameAsString();
    }
    if (field != null) {
      if (captureFields != null) {
        captureFields.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
      } else {
        FieldState s = type.fields.get(field);
        s.assigned.add(value);
        s.assignedOutsideConstruction |= !construction;
      }
    }
    return value;
  }

  // ---- calls ------------------------------------------------------------------------------------

  private Expr call(MethodCallExpr call) {
    String name = call.getNameAsString();
    List<Expression> argExprs = call.getArguments();
    Expression scope = call.getScope().orElse(null);
    int n = argExprs.size();
    // Library calls with a known meaning on constants.
    switch (libraryScope(scope) + "." + name) {
      case "String.valueOf", "Integer.toString", "Long.toString", "Objects.toString":
        if (n == 1) {
          return new Expr.Concat(List.of(lower(argExprs.get(0))));
        }
        break;
      case "Integer.parseInt",
      "Integer.valueOf",
      "Long.parseLong",
      "Long.valueOf",
      "Integer.decode":
        if (n == 1) {
          return lower(argExprs.get(0));
        }
        break;
      case "String.format", "String.formatted":
        if (n >= 1) {
          List<Expr> args = argExprs.stream().map(this::lower).toList();
          boolean locale =
              !(args.get(0) instanceof Expr.Const c && c.value() instanceof String) && n >= 2;
          return locale
              ? new Expr.Format(args.get(1), args.subList(2, n))
              : new Expr.Format(args.get(0), args.subList(1, n));
        }
        break;
      case "System.getProperty":
        if (n >= 1) {
          return config(Expr.ConfigKind.SYSTEM_PROPERTY, call, argExprs, 1);
        }
        break;
      case "System.getenv":
        return Expr.unknown("environment variable");
      case "Objects.requireNonNull", "Objects.requireNonNullElse":
        if (n >= 1) {
          return lower(argExprs.get(0));
        }
        break;
      default:
        break;
    }
    if (name.equals("formatted") && scope != null) {
      return new Expr.Format(lower(scope), argExprs.stream().map(this::lower).toList());
    }
    if (name.equals("getProperty") && scope != null && n >= 1) {
      String t = receiverType(scope);
      if (t != null && t.endsWith("Properties")) {
        return config(Expr.ConfigKind.PROPERTIES, call, argExprs, 1);
      }
      if (t != null && (t.endsWith("Environment") || t.endsWith("PropertyResolver"))) {
        return config(Expr.ConfigKind.SPRING, call, argExprs, n == 3 ? 2 : 1);
      }
    }
    if (scope != null && n == 0 && SUPPLIER_GETTERS.contains(name)) {
      Expr supplier = lower(scope);
      if (!(supplier instanceof Expr.Unknown)) {
        return supplier;
      }
    }
    Expr drawn = RandomDraws.lower(this, call, scope, receiverTypeOrNull(scope));
    if (drawn != null) {
      return drawn;
    }
    List<Expr> args = argExprs.stream().map(this::lower).toList();
    MethodRef callee = new MethodRef(owner(scope, name), name, n);
    site(callee, call, args);
    return new Expr.Call(callee, args, file.at(call));
  }

  /**
   * The receiver as the library-call cases above spell it: a class name, or text no case matches.
   * Pretty-printing every call's receiver only to compare it with a class name cost more than the
   * rest of the lowering.
   */
  private static String libraryScope(Expression scope) {
    if (scope == null) {
      return "";
    }
    if (scope instanceof NameExpr name && name.getComment().isEmpty()) {
      return name.getNameAsString();
    }
    // Any other receiver prints with a dot, brackets or a comment, never as a bare class name.
    return scope instanceof NameExpr ? scope.toString() : "(expression)";
  }

  private static final java.util.Set<String> SUPPLIER_GETTERS =
      java.util.Set.of("get", "getAsInt", "getAsLong", "call");

  private Expr config(
      Expr.ConfigKind kind, MethodCallExpr call, List<Expression> args, int fallbackIndex) {
    Expr key = lower(args.get(0));
    Expr fallback = args.size() > fallbackIndex ? lower(args.get(fallbackIndex)) : null;
    return new Expr.ConfigLookup(kind, key, fallback, file.at(call));
  }

  private String receiverTypeOrNull(Expression scope) {
    return scope == null ? null : receiverType(scope);
  }

  /** Binds a local to what a call filled it with ({@code rng.nextBytes(buf)}). */
  void fillLocal(String name, Expr value) {
    if (locals.containsKey(name) || params.containsKey(name)) {
      params.remove(name);
      locals.put(name, value);
    }
  }

  SourceLowering file() {
    return file;
  }

  /** The declared type of a receiver variable, as written; null when not a simple variable. */
  private String receiverType(Expression scope) {
    if (scope instanceof NameExpr n) {
      String t = localTypes.get(n.getNameAsString());
      if (t != null) {
        return t;
      }
      TypeBuilder owner = type.fieldOwner(n.getNameAsString());
      if (owner != null) {
        return owner.fields.get(n.getNameAsString()).type;
      }
      return n.getNameAsString();
    }
    return scope.toString();
  }

  private String owner(Expression scope, String name) {
    if (scope == null) {
      return type.methodOwner(name).name;
    }
    if (scope instanceof ThisExpr) {
      return type.name;
    }
    if (scope instanceof SuperExpr) {
      return type.name;
    }
    java.util.Optional<String> dotted = ExpressionEvaluator.dottedName(scope);
    if (dotted.isPresent()) {
      String d = dotted.get();
      String first = d.contains(".") ? d.substring(0, d.indexOf('.')) : d;
      if (!isVariable(first) && Character.isUpperCase(first.charAt(0))) {
        return file.qualifyType(SingletonScope.typeOf(d));
      }
      if (!d.contains(".") && localTypes.containsKey(d)) {
        String t = localTypes.get(d);
        return t.equals("var") ? ProjectIndex.UNKNOWN_OWNER : file.qualifyType(stripGenerics(t));
      }
    } else {
      lower(scope);
    }
    return ProjectIndex.UNKNOWN_OWNER;
  }

  private static String stripGenerics(String t) {
    int lt = t.indexOf('<');
    return lt < 0 ? t : t.substring(0, lt);
  }

  private void site(MethodRef callee, Node at, List<Expr> args) {
    if ((method == null && !construction) || captureFields != null) {
      return; // not code of its own, or a constructor walked again per enum constant
    }
    MethodRef caller = method != null ? method : new MethodRef(type.name, "<clinit>", 0);
    type.calls.add(new CallSiteSummary(caller, callee, file.at(at), args));
  }

  @Override
  public String toString() {
    return Objects.toString(method);
  }
}
