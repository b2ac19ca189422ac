package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.ArrayCreationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
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
import com.github.javaparser.ast.expr.InstanceOfExpr;
import com.github.javaparser.ast.expr.IntegerLiteralExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.LongLiteralExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NullLiteralExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.PrimitiveType;
import dev.keyaudit.rules.facts.EmbeddedKeyMaterial;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.jca.ConstValues.Bytes;
import dev.keyaudit.scanner.jca.ConstValues.Chars;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import dev.keyaudit.scanner.jca.EmbeddedKeyDetector;
import dev.keyaudit.scanner.jca.InitState;
import dev.keyaudit.scanner.jca.JcaApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Evaluates expressions to {@link AbstractValue}s in evaluation order, applying their effects on
 * the flow state: assignments, API calls (handed to {@link ApiCallExtractor}), objects escaping
 * into unknown calls, buffers filled by calls. In pure mode (constant initialisers) it has no
 * effects and records nothing.
 */
final class ExpressionEvaluator {

  private static final int MAX_ARRAY = 1 << 16;

  /** Calls that read an array argument without changing it (so a constant stays constant). */
  private static final java.util.Set<String> READS_ONLY =
      java.util.Set.of(
          "update",
          "digest",
          "doFinal",
          "encode",
          "encodeToString",
          "equals",
          "hashCode",
          "toString",
          "toHexString",
          "copyOf",
          "copyOfRange",
          "write",
          "print",
          "println",
          "printf",
          "format",
          "valueOf",
          "isEqual",
          "verify",
          "sign",
          "formatHex",
          "asList");

  private static final java.util.Set<String> NUMERIC =
      java.util.Set.of(
          "int", "long", "short", "java.lang.Integer", "java.lang.Long", "Integer", "Long");

  private static final java.util.Set<String> SUPPLIER_GETTERS =
      java.util.Set.of("get", "getAsInt", "getAsLong", "call");

  private final FileContext file;
  private final ClassScope scope;
  private final StatementWalker walker; // null in pure mode
  private final ApiCallExtractor extractor; // null in pure mode

  ExpressionEvaluator(FileContext file, ClassScope scope, StatementWalker walker) {
    this.file = file;
    this.scope = scope;
    this.walker = walker;
    this.extractor = walker == null ? null : new ApiCallExtractor(file);
  }

  /** An evaluator without effects, for the initialiser of a constant. */
  static ExpressionEvaluator pure(FileContext file, ClassScope scope) {
    return new ExpressionEvaluator(file, scope, null);
  }

  private boolean effects() {
    return walker != null;
  }

  AbstractValue eval(Expression e, Env env) {
    if (e instanceof IntegerLiteralExpr i) {
      Number n = i.asNumber();
      return AbstractValue.constant(n instanceof Integer ? n : (Object) n.longValue());
    }
    if (e instanceof LongLiteralExpr l) {
      return AbstractValue.constant(l.asNumber().longValue());
    }
    if (e instanceof CharLiteralExpr c) {
      return AbstractValue.constant(c.asChar());
    }
    if (e instanceof DoubleLiteralExpr d) {
      return AbstractValue.constant(d.asDouble());
    }
    if (e instanceof BooleanLiteralExpr b) {
      return AbstractValue.constant(b.getValue());
    }
    if (e instanceof NullLiteralExpr) {
      return AbstractValue.constant(Marker.NULL);
    }
    if (e instanceof StringLiteralExpr s) {
      return literal(e, s.asString());
    }
    if (e instanceof TextBlockLiteralExpr t) {
      return literal(e, t.asString());
    }
    if (e instanceof EnclosedExpr enclosed) {
      return eval(enclosed.getInner(), env);
    }
    if (e instanceof NameExpr name) {
      return name(name.getNameAsString(), env);
    }
    if (e instanceof FieldAccessExpr access) {
      return fieldAccess(access, env);
    }
    if (e instanceof BinaryExpr binary) {
      return binary(binary, env);
    }
    if (e instanceof UnaryExpr unary) {
      return unary(unary, env);
    }
    if (e instanceof CastExpr cast) {
      AbstractValue inner = eval(cast.getExpression(), env);
      String type = cast.getType() instanceof PrimitiveType p ? p.asString() : null;
      if (type == null) {
        return inner;
      }
      return inner
          .mapCandidates(
              c -> {
                Object v = ConstantFolding.cast(type, c.value());
                return v == null ? null : c.withValue(v);
              },
              inner.unknownOr("not a constant"))
          .withType(type);
    }
    if (e instanceof ConditionalExpr conditional) {
      return conditional(conditional, env);
    }
    if (e instanceof AssignExpr assign) {
      return assign(assign, env);
    }
    if (e instanceof VariableDeclarationExpr declaration) {
      if (effects()) {
        walker.declare(declaration, env);
      }
      return AbstractValue.nothing();
    }
    if (e instanceof MethodCallExpr call) {
      return call(call, env);
    }
    if (e instanceof ObjectCreationExpr creation) {
      return creation(creation, env);
    }
    if (e instanceof ArrayCreationExpr array) {
      return arrayCreation(array, env);
    }
    if (e instanceof ArrayInitializerExpr init) {
      return arrayInitializer(init, null, env);
    }
    if (e instanceof ArrayAccessExpr access) {
      AbstractValue array = eval(access.getName(), env);
      eval(access.getIndex(), env);
      return AbstractValue.unknown("array element").withTaints(array.taints);
    }
    if (e instanceof LambdaExpr lambda) {
      if (effects()) {
        walker.lambda(lambda, env);
      }
      return AbstractValue.unknown("lambda");
    }
    if (e instanceof MethodReferenceExpr reference) {
      AbstractValue target = eval(reference.getScope(), env);
      return AbstractValue.unknown("method reference").withTaints(drawTaints(target, reference));
    }
    if (e instanceof SwitchExpr switchExpr) {
      return effects()
          ? walker.switchExpression(switchExpr, env)
          : AbstractValue.unknown("switch expression");
    }
    if (e instanceof InstanceOfExpr instanceOf) {
      eval(instanceOf.getExpression(), env);
      if (effects()) {
        instanceOf.getPattern().ifPresent(p -> walker.declarePatterns(p));
      }
      return AbstractValue.unknown("instanceof");
    }
    if (e instanceof ThisExpr) {
      return AbstractValue.unknown("this");
    }
    // Class literals, super, annotations, patterns: nothing the analysis tracks; their
    // sub-expressions (if any) are not crypto calls worth evaluating.
    return AbstractValue.unknown("expression " + e.getClass().getSimpleName());
  }

  /** Output of a non-crypto source through a method reference ({@code rnd::nextInt}). */
  private static List<AbstractValue.Taint> drawTaints(AbstractValue target, Node at) {
    List<AbstractValue.Taint> taints = new ArrayList<>(target.taints);
    for (Receiver r : target.objects) {
      if (r instanceof TrackedObject o && o.kind == TrackedObject.Kind.NON_CRYPTO_RANDOM) {
        taints.add(new AbstractValue.Taint(o, List.of()));
      }
    }
    return taints;
  }

  // ---- literals and embedded keys ---------------------------------------------------------

  private AbstractValue literal(Expression e, String text) {
    if (effects() && isMaximalLiteral(e)) {
      detectEmbeddedKey(e, text);
    }
    return AbstractValue.constant(text);
  }

  /** A literal, or a concatenation of literals, that is not part of a larger one. */
  private static boolean isMaximalLiteral(Expression e) {
    Optional<Node> parent = e.getParentNode();
    while (parent.isPresent() && parent.get() instanceof EnclosedExpr) {
      parent = parent.get().getParentNode();
    }
    return !(parent.isPresent()
        && parent.get() instanceof BinaryExpr b
        && b.getOperator() == BinaryExpr.Operator.PLUS
        && isLiteralConcat(b));
  }

  private static boolean isLiteralConcat(Expression e) {
    if (e instanceof StringLiteralExpr || e instanceof TextBlockLiteralExpr) {
      return true;
    }
    if (e instanceof EnclosedExpr enclosed) {
      return isLiteralConcat(enclosed.getInner());
    }
    return e instanceof BinaryExpr b
        && b.getOperator() == BinaryExpr.Operator.PLUS
        && isLiteralConcat(b.getLeft())
        && isLiteralConcat(b.getRight());
  }

  private void detectEmbeddedKey(Expression e, String text) {
    EmbeddedKeyDetector.detect(text)
        .ifPresent(
            kind ->
                file.fact(new EmbeddedKeyMaterial(file.at(e), kind, Secret.ofText(text.strip()))));
  }

  // ---- names --------------------------------------------------------------------------------

  private AbstractValue name(String name, Env env) {
    Object variable = lookup(name);
    if (variable != null) {
      return read(variable, env);
    }
    Optional<String> owner = file.types.staticImportOwner(name);
    if (owner.isPresent()) {
      AbstractValue constant = PureCalls.staticField(owner.get(), name);
      if (constant != null) {
        return constant;
      }
    }
    AbstractValue inherited = projectField(owner.orElse(file.qualified(scope)), name);
    return inherited != null ? inherited : AbstractValue.unknown("name " + name);
  }

  /** A field the project declares, when the engine resolves at least one value for it. */
  private AbstractValue projectField(String owner, String name) {
    if (file.project == null) {
      return null;
    }
    AbstractValue v = file.project.field(owner, name);
    return v == null || v.candidates.isEmpty() ? null : v;
  }

  /** The local variable or field a simple name denotes here, or null. */
  Object lookup(String name) {
    if (effects()) {
      LocalVar local = walker.local(name);
      if (local != null) {
        return local;
      }
    }
    return scope.field(name);
  }

  AbstractValue read(Object variable, Env env) {
    AbstractValue assigned = env.get(variable);
    if (assigned != null) {
      return assigned;
    }
    if (variable instanceof LocalVar local) {
      if (local.parameterOf() != null && walker != null && file.project != null) {
        int index = walker.parameterIndex(local);
        if (index >= 0 && walker.method() != null) {
          AbstractValue passed = file.parameter(walker.method(), index);
          if (!passed.candidates.isEmpty()) {
            return passed.withType(local.type());
          }
        }
      }
      String why =
          local.parameterOf() != null
              ? "parameter " + local.name() + " of " + local.parameterOf()
              : "local " + local.name() + " not assigned";
      return AbstractValue.unknown(why).withType(local.type());
    }
    return fieldValue((FieldInfo) variable);
  }

  /** What a method reads from a field it did not assign itself. */
  AbstractValue fieldValue(FieldInfo field) {
    AbstractValue value;
    if (field.isFinal && field.initializer != null) {
      value = constant(field);
    } else {
      AbstractValue assigned = projectField(file.qualified(field.owner), field.name);
      if (assigned != null) {
        // Record components and some fields have no declared type here (null).
        boolean numeric = field.type != null && NUMERIC.contains(field.type);
        value = numeric ? ProjectValues.asNumbers(assigned) : assigned;
      } else if (field.isFinal) {
        value = AbstractValue.unknown("field " + field.qualifiedName() + " set in a constructor");
      } else {
        value = AbstractValue.unknown("field " + field.qualifiedName() + " is not final");
      }
    }
    if (field.type != null && field.type.contains(".")) {
      value = value.withObjects(List.of(field.slot));
    }
    return value.withType(field.type);
  }

  /** The value of a final field's initialiser, computed once without effects. */
  private AbstractValue constant(FieldInfo field) {
    if (field.constant != null) {
      return field.constant;
    }
    if (field.resolving) {
      return AbstractValue.unknown("constant " + field.name + " refers to itself");
    }
    field.resolving = true;
    try {
      ExpressionEvaluator pure = pure(file, field.owner);
      Expression init = field.initializer;
      AbstractValue v =
          init instanceof ArrayInitializerExpr array
              ? pure.arrayInitializer(array, field.type, Env.empty())
              : pure.eval(init, Env.empty());
      String message = "constant " + field.name + describe(v);
      field.constant = v.withStep(new TraceStep(field.location, message)).withType(field.type);
      if (v.candidates.isEmpty()) {
        field.constant =
            AbstractValue.unknown(
                    "field " + field.qualifiedName() + " is " + v.unknownOr("not a constant"))
                .withType(field.type);
      }
      return field.constant;
    } finally {
      field.resolving = false;
    }
  }

  /** " = 1024" for a single number; nothing for text (it may be a secret). */
  static String describe(AbstractValue v) {
    Optional<Object> single = v.single();
    if (single.isPresent()
        && (single.get() instanceof Integer
            || single.get() instanceof Long
            || single.get() instanceof Boolean)) {
      return " = " + single.get();
    }
    return "";
  }

  private AbstractValue fieldAccess(FieldAccessExpr access, Env env) {
    String name = access.getNameAsString();
    Expression target = access.getScope();
    if (target instanceof ThisExpr thisExpr) {
      ClassScope owner =
          thisExpr.getTypeName().map(t -> file.findClass(t.asString(), scope)).orElse(scope);
      FieldInfo field = owner == null ? null : owner.ownField(name);
      return field != null ? read(field, env) : AbstractValue.unknown("field this." + name);
    }
    Optional<String> dotted = dottedName(target);
    if (dotted.isPresent() && !isVariable(dotted.get())) {
      ClassScope owner = file.findClass(dotted.get(), scope);
      if (owner != null) {
        FieldInfo field = owner.ownField(name);
        if (field != null) {
          return read(field, env);
        }
        AbstractValue inherited = projectField(file.qualified(owner), name);
        return inherited != null
            ? inherited
            : AbstractValue.unknown("field " + dotted.get() + "." + name);
      }
      Optional<String> api = file.types.resolveDotted(dotted.get());
      if (api.isPresent()) {
        AbstractValue constant = PureCalls.staticField(api.get(), name);
        return constant != null ? constant : AbstractValue.unknown(dotted.get() + "." + name);
      }
      AbstractValue other = otherClassField(dotted.get(), name);
      return other != null
          ? other
          : AbstractValue.unknown("field " + dotted.get() + "." + name + " of another class");
    }
    AbstractValue object = eval(target, env);
    if (name.equals("length")) {
      return object
          .mapCandidates(
              c ->
                  c.value() instanceof Bytes b
                      ? c.withValue(b.bytes().length)
                      : c.value() instanceof Chars ch ? c.withValue(ch.chars().length) : null,
              "length of an unknown array")
          .withTaints(object.taints);
    }
    return AbstractValue.unknown("field " + name + " of an object").withTaints(object.taints);
  }

  /** {@code Keys.BITS}, or an enum constant's field {@code Algo.RSA.bits}, from the project. */
  private AbstractValue otherClassField(String dotted, String name) {
    if (file.project == null) {
      return null;
    }
    int lastDot = dotted.lastIndexOf('.');
    String last = dotted.substring(lastDot + 1);
    if (lastDot > 0 && last.equals(last.toUpperCase(java.util.Locale.ROOT))) {
      AbstractValue v =
          projectField(file.names.qualifyType(dotted.substring(0, lastDot)), last + "." + name);
      if (v != null) {
        return v;
      }
    }
    return projectField(file.names.qualifyType(dotted), name);
  }

  /** {@code a.b.c} as a string when the expression is only names. */
  static Optional<String> dottedName(Expression e) {
    if (e instanceof NameExpr n) {
      return Optional.of(n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr f) {
      return dottedName(f.getScope()).map(s -> s + "." + f.getNameAsString());
    }
    return Optional.empty();
  }

  /** True when the first segment of a dotted name is a variable (then it is not a type). */
  private boolean isVariable(String dotted) {
    int dot = dotted.indexOf('.');
    return lookup(dot < 0 ? dotted : dotted.substring(0, dot)) != null;
  }

  // ---- operators ----------------------------------------------------------------------------

  private AbstractValue binary(BinaryExpr binary, Env env) {
    AbstractValue left = eval(binary.getLeft(), env);
    AbstractValue right = eval(binary.getRight(), env);
    AbstractValue result = combine(binary.getOperator(), left, right);
    if (effects()
        && binary.getOperator() == BinaryExpr.Operator.PLUS
        && isLiteralConcat(binary)
        && isMaximalLiteral(binary)) {
      result
          .single()
          .filter(String.class::isInstance)
          .ifPresent(s -> detectEmbeddedKey(binary, (String) s));
    }
    return result;
  }

  static AbstractValue combine(BinaryExpr.Operator op, AbstractValue left, AbstractValue right) {
    List<Candidate> out = new ArrayList<>();
    String unknown = left.unknown != null ? left.unknown : right.unknown;
    if (left.candidates.size() * right.candidates.size() > AbstractValue.MAX_CANDIDATES * 4) {
      return AbstractValue.computed(List.of(), "too many combinations", left, right);
    }
    for (Candidate l : left.candidates) {
      for (Candidate r : right.candidates) {
        Object v = ConstantFolding.binary(op, l.value(), r.value());
        if (v == null) {
          unknown = "not a constant expression";
        } else {
          out.add(l.joinTrace(r, v));
        }
      }
    }
    if (out.isEmpty() && unknown == null) {
      unknown = "not a constant expression";
    }
    return AbstractValue.computed(out, unknown, left, right);
  }

  private AbstractValue unary(UnaryExpr unary, Env env) {
    UnaryExpr.Operator op = unary.getOperator();
    AbstractValue operand = eval(unary.getExpression(), env);
    boolean increment =
        op == UnaryExpr.Operator.PREFIX_INCREMENT || op == UnaryExpr.Operator.POSTFIX_INCREMENT;
    boolean decrement =
        op == UnaryExpr.Operator.PREFIX_DECREMENT || op == UnaryExpr.Operator.POSTFIX_DECREMENT;
    if (!increment && !decrement) {
      return operand.mapCandidates(
          c -> {
            Object v = ConstantFolding.unary(op, c.value());
            return v == null ? null : c.withValue(v);
          },
          operand.unknownOr("not a constant"));
    }
    // ++ and --: the variable changes.
    BinaryExpr.Operator step = increment ? BinaryExpr.Operator.PLUS : BinaryExpr.Operator.MINUS;
    AbstractValue updated = combine(step, operand, AbstractValue.constant(1));
    store(unary.getExpression(), updated, env, unary);
    return op.isPostfix() ? operand : updated;
  }

  private AbstractValue conditional(ConditionalExpr conditional, Env env) {
    AbstractValue condition = eval(conditional.getCondition(), env);
    Optional<Object> constant = condition.single();
    if (constant.isPresent()
        && constant.get() instanceof Boolean b
        && isCompileTimeConstant(conditional.getCondition())) {
      return eval(b ? conditional.getThenExpr() : conditional.getElseExpr(), env);
    }
    Env elseEnv = env.copy();
    AbstractValue then = eval(conditional.getThenExpr(), env);
    AbstractValue otherwise = eval(conditional.getElseExpr(), elseEnv);
    if (effects()) {
      walker.mergeInto(env, elseEnv);
    }
    return AbstractValue.merge(then, otherwise);
  }

  /** javac folds conditions made of literals and constant fields; it keeps the others. */
  boolean isCompileTimeConstant(Expression e) {
    if (e instanceof BooleanLiteralExpr || e instanceof IntegerLiteralExpr) {
      return true;
    }
    if (e instanceof EnclosedExpr enclosed) {
      return isCompileTimeConstant(enclosed.getInner());
    }
    if (e instanceof UnaryExpr u) {
      return u.getOperator() == UnaryExpr.Operator.LOGICAL_COMPLEMENT
          && isCompileTimeConstant(u.getExpression());
    }
    if (e instanceof BinaryExpr b) {
      return isCompileTimeConstant(b.getLeft()) && isCompileTimeConstant(b.getRight());
    }
    if (e instanceof NameExpr n) {
      Object v = lookup(n.getNameAsString());
      return v instanceof FieldInfo f && f.isFinal && f.initializer != null;
    }
    return false;
  }

  // ---- assignment ---------------------------------------------------------------------------

  private AbstractValue assign(AssignExpr assign, Env env) {
    Expression target = assign.getTarget();
    AbstractValue value;
    if (assign.getOperator() == AssignExpr.Operator.ASSIGN) {
      if (target instanceof ArrayAccessExpr access) {
        eval(access.getIndex(), env);
      }
      value =
          assign.getValue() instanceof ArrayInitializerExpr array
              ? arrayInitializer(array, null, env)
              : eval(assign.getValue(), env);
    } else {
      AbstractValue current = eval(target, env);
      AbstractValue operand = eval(assign.getValue(), env);
      value =
          assign
              .getOperator()
              .toBinaryOperator()
              .map(op -> combine(op, current, operand))
              .orElse(AbstractValue.unknown("compound assignment"));
    }
    store(target, value, env, assign);
    return value;
  }

  /** Stores a value into the variable, field or array an assignment targets. */
  void store(Expression target, AbstractValue value, Env env, Node at) {
    if (!effects()) {
      return;
    }
    if (target instanceof ArrayAccessExpr access) {
      // An element changes: the array is no longer a known constant, but keeps what flowed in.
      Object variable = variableOf(access.getName());
      if (variable != null) {
        AbstractValue array = read(variable, env);
        AbstractValue changed =
            array.invalidated("element assigned at line " + line(at)).withTaints(value.taints);
        walker.assign(variable, changed, env, at, false);
      }
      return;
    }
    Object variable = variableOf(target);
    if (variable != null) {
      walker.assign(variable, value, env, at, true);
    } else if (target instanceof FieldAccessExpr f) {
      // A field of another object: only its name can still tell a sink.
      RandomSinkTracer.reachNamed(
          value, f.getNameAsString(), new TraceStep(file.at(at), "assigned to " + f));
    }
  }

  /** The local variable or field an expression names ({@code x}, {@code this.x}), or null. */
  Object variableOf(Expression e) {
    if (e instanceof EnclosedExpr enclosed) {
      return variableOf(enclosed.getInner());
    }
    if (e instanceof NameExpr n) {
      return lookup(n.getNameAsString());
    }
    if (e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr t) {
      ClassScope owner =
          t.getTypeName().map(n -> file.findClass(n.asString(), scope)).orElse(scope);
      return owner == null ? null : owner.ownField(f.getNameAsString());
    }
    return null;
  }

  private static int line(Node n) {
    return n.getBegin().map(p -> p.line).orElse(0);
  }

  // ---- calls --------------------------------------------------------------------------------

  private AbstractValue call(MethodCallExpr call, Env env) {
    String name = call.getNameAsString();
    String staticType = null;
    AbstractValue receiver = null;
    String scopeText = "";
    if (call.getScope().isEmpty()) {
      if (!scope.declaresMethod(name)) {
        staticType = file.types.staticImportOwner(name).orElse(null);
      }
    } else {
      Expression target = call.getScope().get();
      Optional<String> dotted = dottedName(target);
      if (dotted.isPresent() && !isVariable(dotted.get())) {
        staticType = file.types.resolveDotted(dotted.get()).orElse(null);
        scopeText = dotted.get() + ".";
      }
      if (staticType == null) {
        receiver = eval(target, env);
        if (dotted.isPresent() && dotted.get().length() <= 40) {
          scopeText = dotted.get() + ".";
        }
      }
    }
    List<Expression> args = call.getArguments();
    List<AbstractValue> values = new ArrayList<>(args.size());
    for (Expression arg : args) {
      values.add(eval(arg, env));
    }
    String callee = staticType != null ? JcaApi.simpleName(staticType) + "." + name : name;
    if (receiver != null && receiver.type != null && receiver.type.contains(".")) {
      callee = JcaApi.simpleName(receiver.type) + "." + name;
    }
    CallSite site = site(call, callee, args, values, env);
    AbstractValue result = projectConfig(call, staticType, receiver, values);
    if (result != null) {
      return result;
    }
    if (staticType != null) {
      result = PureCalls.staticCall(staticType, name, site);
      if (result == null && effects()) {
        result = extractor.staticCall(staticType, name, site);
      }
    } else if (receiver != null) {
      result = PureCalls.instanceCall(receiver, name, site);
      if (result == null && effects()) {
        result = extractor.instanceCall(receiver, name, site);
      }
    }
    if (result != null) {
      return result;
    }
    AbstractValue unknown =
        unknownCall(call, scopeText + name, receiver, call.getScope().orElse(null), site);
    AbstractValue helper = projectCall(call, staticType, receiver, values);
    return helper != null ? helper.withTaints(unknown.taints) : unknown;
  }

  /**
   * {@code System.getProperty(k, default)}, {@code Properties.getProperty(k, default)} and Spring's
   * {@code Environment.getProperty(k[, type], default)}: what wins at run time, from the project's
   * configuration files.
   */
  private AbstractValue projectConfig(
      MethodCallExpr call, String staticType, AbstractValue receiver, List<AbstractValue> args) {
    if (file.project == null || !call.getNameAsString().equals("getProperty") || args.isEmpty()) {
      return null;
    }
    dev.keyaudit.scanner.resolve.Expr.ConfigKind kind;
    String receiverType = receiver == null ? null : receiver.type;
    String scopeText = call.getScope().map(Object::toString).orElse("");
    if ("java.lang.System".equals(staticType)) {
      kind = dev.keyaudit.scanner.resolve.Expr.ConfigKind.SYSTEM_PROPERTY;
    } else if ("java.util.Properties".equals(receiverType)) {
      kind = dev.keyaudit.scanner.resolve.Expr.ConfigKind.PROPERTIES;
    } else if (receiverType == null
        && scopeText
            .toLowerCase(java.util.Locale.ROOT)
            .matches(".*(env|environment|props|properties)")) {
      kind = dev.keyaudit.scanner.resolve.Expr.ConfigKind.SPRING;
    } else {
      return null;
    }
    int fallback = args.size() == 3 ? 2 : 1;
    AbstractValue value = file.project.config(kind, args, fallback, file.at(call));
    boolean numeric =
        args.size() == 3
            && call.getArgument(1)
                .toString()
                .matches("(java\\.lang\\.)?(Integer|Long|Short)\\.class");
    return numeric ? ProjectValues.asNumbers(value) : value;
  }

  /** A call of a project method (a helper, a getter, a builder), resolved by the engine. */
  private AbstractValue projectCall(
      MethodCallExpr call, String staticType, AbstractValue receiver, List<AbstractValue> args) {
    if (file.project == null || staticType != null) {
      return null;
    }
    String owner;
    Expression target = call.getScope().orElse(null);
    Optional<String> dotted = target == null ? Optional.empty() : dottedName(target);
    if (target != null && args.isEmpty() && SUPPLIER_GETTERS.contains(call.getNameAsString())) {
      // A supplier held in a field: its value is what the lambda returns.
      Optional<String> supplier = dotted;
      if (supplier.isPresent() && !supplier.get().contains(".")) {
        Object variable = lookup(supplier.get());
        if (variable instanceof FieldInfo f) {
          AbstractValue v = projectField(file.qualified(f.owner), f.name);
          if (v != null) {
            return v;
          }
        }
      } else if (supplier.isPresent()) {
        String d = supplier.get();
        AbstractValue v =
            projectField(
                file.names.qualifyType(d.substring(0, d.lastIndexOf('.'))),
                d.substring(d.lastIndexOf('.') + 1));
        if (v != null) {
          return v;
        }
      }
    }
    if (target == null || target instanceof ThisExpr) {
      owner = file.qualified(scope);
    } else if (dotted.isPresent()
        && !isVariable(dotted.get())
        && Character.isUpperCase(dotted.get().charAt(0))) {
      owner = file.names.qualifyType(SingletonScope.typeOf(dotted.get()));
    } else if (receiver != null && receiver.type != null && receiver.type.startsWith("java")) {
      return null;
    } else {
      owner = dev.keyaudit.scanner.resolve.ProjectIndex.UNKNOWN_OWNER;
    }
    AbstractValue v =
        file.project.call(
            new dev.keyaudit.scanner.resolve.MethodRef(owner, call.getNameAsString(), args.size()),
            args,
            file.at(call));
    return v == null || v.candidates.isEmpty() ? null : v;
  }

  /**
   * A call the frontend does not understand: its result is unknown (but carries random output that
   * flowed into it), arrays passed to it may be filled, generators passed to it may be initialised
   * there, and a method named for a secret is a sink.
   */
  private AbstractValue unknownCall(
      Node call, String name, AbstractValue receiver, Expression receiverExpr, CallSite site) {
    List<AbstractValue.Taint> taints = new ArrayList<>();
    if (receiver != null) {
      taints.addAll(receiver.taints);
    }
    for (AbstractValue v : site.values()) {
      taints.addAll(v.taints);
    }
    if (effects()) {
      String simpleName = name.substring(name.lastIndexOf('.') + 1);
      TraceStep step = site.step("passed to " + simpleName + "()");
      for (int i = 0; i < site.argCount(); i++) {
        AbstractValue v = site.value(i);
        RandomSinkTracer.reachNamed(v, simpleName, step);
        escape(v, site, simpleName);
        Object variable = variableOf(site.arg(i));
        if (variable != null && holdsArray(v) && !READS_ONLY.contains(simpleName)) {
          walker.assign(
              variable,
              v.invalidated("may be filled by " + simpleName + "() at line " + line(call)),
              site.env(),
              call,
              false);
        }
      }
      // A builder or collection receiving random output now holds it.
      Object receiverVar = receiverExpr == null ? null : variableOf(receiverExpr);
      if (receiverVar != null && receiver != null && !taints.isEmpty()) {
        walker.assign(receiverVar, receiver.withTaints(taints), site.env(), call, false);
      }
    }
    return AbstractValue.unknown("call to " + name + "()").withTaints(taints);
  }

  private static boolean holdsArray(AbstractValue v) {
    return (v.type != null && v.type.endsWith("[]"))
        || v.candidates.stream()
            .anyMatch(c -> c.value() instanceof Bytes || c.value() instanceof Chars);
  }

  /** A generator handed to code the frontend cannot see may be initialised there. */
  private static void escape(AbstractValue v, CallSite site, String callee) {
    for (Receiver r : v.objects) {
      if (r instanceof TrackedObject o && o.isGenerator() || r instanceof FieldSlot) {
        site.env()
            .setInitState(
                r, InitState.escaped(site.location(), "passed to " + callee + "() before use"));
      }
    }
  }

  private CallSite site(
      Node call, String callee, List<Expression> args, List<AbstractValue> values, Env env) {
    return new CallSite(
        call,
        file.callSite(call),
        callee,
        args,
        values,
        new FlowResolver(args, values),
        env,
        (argument, value, e) -> {
          Object variable = variableOf(argument);
          if (variable != null && effects()) {
            walker.assign(variable, value, e, call, true);
          }
        });
  }

  private AbstractValue creation(ObjectCreationExpr creation, Env env) {
    creation.getScope().ifPresent(s -> eval(s, env));
    ClassOrInterfaceType type = creation.getType();
    String api = file.types.resolve(type).orElse(null);
    List<Expression> args = creation.getArguments();
    List<AbstractValue> values = new ArrayList<>(args.size());
    for (Expression arg : args) {
      values.add(eval(arg, env));
    }
    if (creation.getAnonymousClassBody().isPresent() && effects()) {
      walker.anonymousClass(creation, env);
    }
    String simple = type.getNameAsString();
    CallSite site = site(creation, "new " + simple, args, values, env);
    if (api != null) {
      AbstractValue result = PureCalls.construct(api, site);
      if (result == null && effects()) {
        result = extractor.construct(api, site);
      }
      if (result != null) {
        return result;
      }
    }
    if (simple.equals("BouncyCastleProvider") || simple.equals("BouncyCastleFipsProvider")) {
      return AbstractValue.constant(Marker.BOUNCY_CASTLE_PROVIDER);
    }
    return unknownCall(creation, "new " + simple, null, null, site).withType(api);
  }

  private AbstractValue arrayCreation(ArrayCreationExpr array, Env env) {
    String element = array.getElementType() instanceof PrimitiveType p ? p.asString() : null;
    List<AbstractValue> dims = new ArrayList<>();
    array.getLevels().forEach(l -> l.getDimension().ifPresent(d -> dims.add(eval(d, env))));
    if (array.getInitializer().isPresent()) {
      return arrayInitializer(
          array.getInitializer().get(), element == null ? null : element + "[]", env);
    }
    String type = element == null ? null : element + "[]";
    if (dims.size() == 1 && ("byte".equals(element) || "char".equals(element))) {
      Integer length = dims.get(0).single().map(ConstantFolding::asInt).orElse(null);
      if (length != null && length >= 0 && length <= MAX_ARRAY) {
        Object zeros =
            "byte".equals(element)
                ? new Bytes(new byte[length], null)
                : new Chars(new char[length]);
        return AbstractValue.constant(zeros).withType(type);
      }
    }
    return AbstractValue.unknown("array of unknown content").withType(type);
  }

  /** {@code {1, 2, 3}} for a byte[] or char[] declaration; other arrays are unknown. */
  AbstractValue arrayInitializer(ArrayInitializerExpr init, String type, Env env) {
    List<AbstractValue> elements = new ArrayList<>();
    for (Expression value : init.getValues()) {
      elements.add(
          value instanceof ArrayInitializerExpr nested
              ? arrayInitializer(nested, null, env)
              : eval(value, env));
    }
    if (!"byte[]".equals(type) && !"char[]".equals(type) || elements.size() > MAX_ARRAY) {
      return AbstractValue.unknown("array of unknown content").withType(type);
    }
    List<TraceStep> trace = new ArrayList<>();
    byte[] bytes = new byte[elements.size()];
    char[] chars = new char[elements.size()];
    List<AbstractValue.Taint> taints = new ArrayList<>();
    for (int i = 0; i < elements.size(); i++) {
      AbstractValue element = elements.get(i);
      taints.addAll(element.taints);
      Optional<Object> single = element.single();
      Integer v = single.map(ConstantFolding::asInt).orElse(null);
      if (v == null) {
        return AbstractValue.unknown("array element " + i + " not a constant")
            .withType(type)
            .withTaints(taints);
      }
      bytes[i] = (byte) (int) v;
      chars[i] = (char) (int) v;
      for (TraceStep s : element.candidates.get(0).trace()) {
        if (!trace.contains(s)) {
          trace.add(s);
        }
      }
    }
    Object value = "byte[]".equals(type) ? new Bytes(bytes, null) : new Chars(chars);
    return AbstractValue.of(new Candidate(value, trace)).withType(type).withTaints(taints);
  }

  /** The value a declarator's initialiser gives the declared variable. */
  AbstractValue initialValue(VariableDeclarator declarator, String type, Env env) {
    Optional<Expression> init = declarator.getInitializer();
    if (init.isEmpty()) {
      return null;
    }
    if (init.get() instanceof ArrayInitializerExpr array) {
      return arrayInitializer(array, type, env);
    }
    return eval(init.get(), env);
  }
}
