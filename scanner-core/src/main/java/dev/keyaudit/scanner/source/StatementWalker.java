package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.NodeList;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.expr.ArrayAccessExpr;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.PatternExpr;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.expr.TypePatternExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import com.github.javaparser.ast.expr.VariableDeclarationExpr;
import com.github.javaparser.ast.stmt.AssertStmt;
import com.github.javaparser.ast.stmt.BlockStmt;
import com.github.javaparser.ast.stmt.BreakStmt;
import com.github.javaparser.ast.stmt.CatchClause;
import com.github.javaparser.ast.stmt.ContinueStmt;
import com.github.javaparser.ast.stmt.DoStmt;
import com.github.javaparser.ast.stmt.ExplicitConstructorInvocationStmt;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.ForEachStmt;
import com.github.javaparser.ast.stmt.ForStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.LabeledStmt;
import com.github.javaparser.ast.stmt.LocalClassDeclarationStmt;
import com.github.javaparser.ast.stmt.LocalRecordDeclarationStmt;
import com.github.javaparser.ast.stmt.ReturnStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.stmt.SwitchEntry;
import com.github.javaparser.ast.stmt.SwitchStmt;
import com.github.javaparser.ast.stmt.SynchronizedStmt;
import com.github.javaparser.ast.stmt.ThrowStmt;
import com.github.javaparser.ast.stmt.TryStmt;
import com.github.javaparser.ast.stmt.UnparsableStmt;
import com.github.javaparser.ast.stmt.WhileStmt;
import com.github.javaparser.ast.stmt.YieldStmt;
import dev.keyaudit.rules.model.TraceStep;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Walks the statements of one method, constructor, initialiser or lambda in execution order,
 * carrying the flow state: straight-line code updates it, branches are walked on copies and merged
 * ({@code if}, ternaries, {@code switch}, {@code try}), loops invalidate what they change, and
 * {@code return}/{@code throw}/{@code break} end a path.
 */
final class StatementWalker {

  /** Where {@code break}/{@code continue} paths go: a loop or a switch statement. */
  private record JumpTarget(boolean loop, List<Env> exits) {}

  /** Where {@code yield} goes: a switch expression. */
  private record YieldTarget(List<Env> envs, List<AbstractValue> values) {}

  private final FileContext file;
  private final ClassScope scope;
  private final String callable;
  private final String methodName;
  private final ExpressionEvaluator eval;
  private final Deque<Map<String, LocalVar>> locals = new ArrayDeque<>();
  private Deque<JumpTarget> jumps = new ArrayDeque<>();
  private Deque<YieldTarget> yields = new ArrayDeque<>();
  private int lambdaDepth;

  /**
   * @param callable how parameters are named in Unknowns, e.g. "Keys.create(int)"
   * @param methodName the method's name (a method named for a secret is a sink), or null
   */
  StatementWalker(FileContext file, ClassScope scope, String callable, String methodName) {
    this.file = file;
    this.scope = scope;
    this.callable = callable;
    this.methodName = methodName;
    this.eval = new ExpressionEvaluator(file, scope, this);
    locals.push(new HashMap<>());
  }

  ExpressionEvaluator evaluator() {
    return eval;
  }

  /** Walks a callable body after declaring its parameters. */
  void walkCallable(NodeList<Parameter> parameters, BlockStmt body) {
    Env env = Env.empty();
    for (Parameter p : parameters) {
      declareParameter(p, callable);
    }
    walk(body, env);
  }

  // ---- statements ---------------------------------------------------------------------------

  Env walk(Statement s, Env env) {
    if (s instanceof BlockStmt block) {
      return statements(block.getStatements(), env);
    }
    if (s instanceof ExpressionStmt e) {
      eval.eval(e.getExpression(), env);
      return env;
    }
    if (s instanceof IfStmt i) {
      return ifStatement(i, env);
    }
    if (s instanceof ReturnStmt r) {
      if (r.getExpression().isPresent()) {
        returned(r.getExpression().get(), env);
      }
      env.kill();
      return env;
    }
    if (s instanceof ThrowStmt t) {
      eval.eval(t.getExpression(), env);
      env.kill();
      return env;
    }
    if (s instanceof WhileStmt w) {
      return loop(w, null, w.getCondition(), w.getBody(), List.of(), false, env, null);
    }
    if (s instanceof DoStmt d) {
      return loop(d, null, d.getCondition(), d.getBody(), List.of(), true, env, null);
    }
    if (s instanceof ForStmt f) {
      locals.push(new HashMap<>());
      for (Expression init : f.getInitialization()) {
        eval.eval(init, env);
      }
      Env out =
          loop(f, null, f.getCompare().orElse(null), f.getBody(), f.getUpdate(), false, env, null);
      locals.pop();
      return out;
    }
    if (s instanceof ForEachStmt f) {
      AbstractValue iterable = eval.eval(f.getIterable(), env);
      locals.push(new HashMap<>());
      Env out = loop(f, f, null, f.getBody(), List.of(), false, env, iterable);
      locals.pop();
      return out;
    }
    if (s instanceof SwitchStmt sw) {
      return switchStatement(sw, env);
    }
    if (s instanceof TryStmt t) {
      return tryStatement(t, env);
    }
    if (s instanceof BreakStmt) {
      JumpTarget target = jumps.peek();
      if (target != null) {
        target.exits().add(env.copy());
      }
      env.kill();
      return env;
    }
    if (s instanceof ContinueStmt) {
      for (JumpTarget target : jumps) {
        if (target.loop()) {
          target.exits().add(env.copy());
          break;
        }
      }
      env.kill();
      return env;
    }
    if (s instanceof YieldStmt y) {
      AbstractValue v = eval.eval(y.getExpression(), env);
      YieldTarget target = yields.peek();
      if (target != null) {
        target.envs().add(env.copy());
        target.values().add(v);
      }
      env.kill();
      return env;
    }
    if (s instanceof LabeledStmt l) {
      return walk(l.getStatement(), env);
    }
    if (s instanceof SynchronizedStmt sync) {
      eval.eval(sync.getExpression(), env);
      return walk(sync.getBody(), env);
    }
    if (s instanceof AssertStmt a) {
      eval.eval(a.getCheck(), env);
      return env;
    }
    if (s instanceof ExplicitConstructorInvocationStmt call) {
      for (Expression arg : call.getArguments()) {
        eval.eval(arg, env);
      }
      return env;
    }
    if (s instanceof LocalClassDeclarationStmt local) {
      localType(local.getClassDeclaration());
      return env;
    }
    if (s instanceof LocalRecordDeclarationStmt local) {
      localType(local.getRecordDeclaration());
      return env;
    }
    if (s instanceof UnparsableStmt) {
      env.forgetAll("a statement the parser could not read at line " + line(s));
      return env;
    }
    return env; // empty statement
  }

  private Env ifStatement(IfStmt i, Env env) {
    AbstractValue condition = eval.eval(i.getCondition(), env);
    Optional<Object> constant = condition.single();
    if (constant.isPresent()
        && constant.get() instanceof Boolean b
        && eval.isCompileTimeConstant(i.getCondition())) {
      // javac drops the branch that cannot run.
      if (b) {
        return walk(i.getThenStmt(), env);
      }
      return i.getElseStmt().map(e -> walk(e, env)).orElse(env);
    }
    Env elseEnv = env.copy();
    Env thenOut = walk(i.getThenStmt(), env);
    Env elseOut = i.getElseStmt().map(e -> walk(e, elseEnv)).orElse(elseEnv);
    return merge(thenOut, elseOut);
  }

  /**
   * A loop runs its body zero or more times ({@code do}: at least once). The body is walked once,
   * after making what it changes unknown, and the exit merges the paths that skip and leave it.
   */
  private Env loop(
      Statement loop,
      ForEachStmt forEach,
      Expression condition,
      Statement body,
      List<Expression> updates,
      boolean runsOnce,
      Env env,
      AbstractValue iterable) {
    invalidateChangedInLoop(loop, env);
    boolean infinite = forEach == null && condition == null;
    if (condition != null && !runsOnce) {
      AbstractValue c = eval.eval(condition, env);
      infinite =
          eval.isCompileTimeConstant(condition) && Boolean.TRUE.equals(c.single().orElse(null));
    }
    if (forEach != null) {
      VariableDeclarator v = forEach.getVariable().getVariables().get(0);
      LocalVar element = declareLocal(v.getNameAsString(), typeOf(v), file.at(v), null);
      env.set(
          element,
          AbstractValue.unknown("element of a loop at line " + line(loop))
              .withTaints(iterable == null ? List.of() : iterable.taints));
    }
    JumpTarget target = new JumpTarget(true, new ArrayList<>());
    jumps.push(target);
    Env bodyEnv = walk(body, env.copy());
    jumps.pop();
    List<Env> breaks = new ArrayList<>(target.exits());
    for (Env exit : breaks) {
      bodyEnv = merge(bodyEnv, exit);
    }
    if (!bodyEnv.isDead()) {
      for (Expression update : updates) {
        eval.eval(update, bodyEnv);
      }
      if (condition != null && runsOnce) {
        eval.eval(condition, bodyEnv);
      }
    }
    if (runsOnce) {
      return bodyEnv;
    }
    if (infinite) {
      // Only a break leaves `while (true)` / `for (;;)`.
      Env out = Env.deadEnv();
      for (Env exit : breaks) {
        out = merge(out, exit);
      }
      return out;
    }
    return merge(env, bodyEnv);
  }

  /** Variables assigned in a loop body hold a different value on each iteration. */
  private void invalidateChangedInLoop(Node loop, Env env) {
    String why = "changes in the loop at line " + line(loop);
    for (AssignExpr assign : loop.findAll(AssignExpr.class)) {
      Expression target = assign.getTarget();
      if (target instanceof ArrayAccessExpr access) {
        target = access.getName();
      }
      invalidate(eval.variableOf(target), env, why);
    }
    for (UnaryExpr unary : loop.findAll(UnaryExpr.class)) {
      if (unary.getOperator() != UnaryExpr.Operator.PLUS
          && unary.getOperator() != UnaryExpr.Operator.MINUS
          && unary.getOperator() != UnaryExpr.Operator.LOGICAL_COMPLEMENT
          && unary.getOperator() != UnaryExpr.Operator.BITWISE_COMPLEMENT) {
        invalidate(eval.variableOf(unary.getExpression()), env, why);
      }
    }
  }

  private void invalidate(Object variable, Env env, String why) {
    if (variable != null) {
      env.set(variable, eval.read(variable, env).invalidated(why));
    }
  }

  private Env switchStatement(SwitchStmt sw, Env env) {
    eval.eval(sw.getSelector(), env);
    JumpTarget target = new JumpTarget(false, new ArrayList<>());
    jumps.push(target);
    Env fallThrough = null;
    boolean hasDefault = false;
    for (SwitchEntry entry : sw.getEntries()) {
      hasDefault |= entry.getLabels().isEmpty() || entry.isDefault();
      Env entryEnv = fallThrough == null ? env.copy() : merge(env.copy(), fallThrough);
      Env out = statements(entry.getStatements(), entryEnv);
      if (entry.getType() == SwitchEntry.Type.STATEMENT_GROUP) {
        fallThrough = out.isDead() ? null : out;
      } else {
        target.exits().add(out);
        fallThrough = null;
      }
    }
    jumps.pop();
    Env result = hasDefault ? Env.deadEnv() : env.copy();
    if (fallThrough != null) {
      result = merge(result, fallThrough);
    }
    for (Env exit : target.exits()) {
      result = merge(result, exit);
    }
    return result;
  }

  /** A switch expression's value: the union of what its arms yield. */
  AbstractValue switchExpression(SwitchExpr sw, Env env) {
    eval.eval(sw.getSelector(), env);
    YieldTarget target = new YieldTarget(new ArrayList<>(), new ArrayList<>());
    yields.push(target);
    Env fallThrough = null;
    for (SwitchEntry entry : sw.getEntries()) {
      Env entryEnv = fallThrough == null ? env.copy() : merge(env.copy(), fallThrough);
      fallThrough = null;
      if (entry.getType() == SwitchEntry.Type.EXPRESSION
          && entry.getStatements().size() == 1
          && entry.getStatements().get(0) instanceof ExpressionStmt e) {
        AbstractValue v = eval.eval(e.getExpression(), entryEnv);
        target.envs().add(entryEnv);
        target.values().add(v);
      } else {
        Env out = statements(entry.getStatements(), entryEnv);
        if (entry.getType() == SwitchEntry.Type.STATEMENT_GROUP && !out.isDead()) {
          fallThrough = out;
        }
      }
    }
    yields.pop();
    Env merged = Env.deadEnv();
    for (Env e : target.envs()) {
      merged = merge(merged, e);
    }
    if (!merged.isDead()) {
      env.replaceWith(merged);
    }
    AbstractValue result = null;
    for (AbstractValue v : target.values()) {
      result = result == null ? v : AbstractValue.merge(result, v);
    }
    return result == null ? AbstractValue.unknown("switch expression") : result;
  }

  private Env statements(List<Statement> statements, Env env) {
    locals.push(new HashMap<>());
    for (Statement s : statements) {
      env = walk(s, env);
    }
    locals.pop();
    return env;
  }

  private Env tryStatement(TryStmt t, Env env) {
    locals.push(new HashMap<>());
    for (Expression resource : t.getResources()) {
      eval.eval(resource, env);
    }
    Env before = env.copy();
    Env afterTry = walk(t.getTryBlock(), env);
    Env exit = afterTry;
    for (CatchClause c : t.getCatchClauses()) {
      // The exception may come from anywhere in the try block.
      Env entry = merge(before.copy(), afterTry);
      locals.push(new HashMap<>());
      Parameter p = c.getParameter();
      declareLocal(p.getNameAsString(), null, file.at(p), null);
      Env out = walk(c.getBody(), entry);
      locals.pop();
      exit = merge(exit, out);
    }
    locals.pop();
    if (t.getFinallyBlock().isPresent()) {
      boolean dead = exit.isDead();
      Env fin = walk(t.getFinallyBlock().get(), dead ? merge(before, afterTry.copy()) : exit);
      if (dead) {
        fin.kill();
      }
      return fin;
    }
    return exit;
  }

  /** A field initialiser: its objects are the field's own. */
  AbstractValue fieldInitializer(FieldInfo field, Env env) {
    Expression init = field.initializer;
    AbstractValue value =
        init instanceof com.github.javaparser.ast.expr.ArrayInitializerExpr array
            ? eval.arrayInitializer(array, field.type, env)
            : eval.eval(init, env);
    for (Receiver r : value.objects) {
      if (r instanceof TrackedObject o) {
        field.store(o, true);
      }
    }
    RandomSinkTracer.reachNamed(
        value, field.name, new TraceStep(field.location, "assigned to " + field.name));
    return value;
  }

  private void returned(Expression e, Env env) {
    AbstractValue v = eval.eval(e, env);
    if (lambdaDepth == 0 && methodName != null) {
      RandomSinkTracer.reachNamed(
          v, methodName, new TraceStep(file.at(e), "returned from " + methodName + "()"));
    }
  }

  // ---- declarations -------------------------------------------------------------------------

  /** Declares the variables of a {@code VariableDeclarationExpr} and evaluates initialisers. */
  void declare(VariableDeclarationExpr declaration, Env env) {
    for (VariableDeclarator v : declaration.getVariables()) {
      String type = typeOf(v);
      AbstractValue value = eval.initialValue(v, type, env);
      LocalVar local = declareLocal(v.getNameAsString(), type, file.at(v), null);
      if (value != null) {
        if (TypeNames.VAR.equals(type)) {
          local = redeclareWithType(local, value.type);
        }
        assign(local, value, env, v, true);
      }
    }
  }

  private String typeOf(VariableDeclarator v) {
    return TypeNames.of(v.getType(), file.types);
  }

  private LocalVar redeclareWithType(LocalVar local, String type) {
    LocalVar typed = new LocalVar(local.name(), type, local.location(), null);
    locals.peek().put(local.name(), typed);
    return typed;
  }

  private LocalVar declareLocal(
      String name, String type, dev.keyaudit.rules.model.Location at, String parameterOf) {
    LocalVar local = new LocalVar(name, type, at, parameterOf);
    locals.peek().put(name, local);
    return local;
  }

  private void declareParameter(Parameter p, String owner) {
    declareLocal(p.getNameAsString(), TypeNames.of(p.getType(), file.types), file.at(p), owner);
  }

  /** Pattern variables ({@code o instanceof String s}) are unknown values. */
  void declarePatterns(PatternExpr pattern) {
    for (TypePatternExpr p : pattern.findAll(TypePatternExpr.class)) {
      declareLocal(p.getNameAsString(), TypeNames.of(p.getType(), file.types), file.at(p), null);
    }
  }

  LocalVar local(String name) {
    for (Map<String, LocalVar> frame : locals) {
      LocalVar v = frame.get(name);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /**
   * Stores a value into a variable: the trace gains a step naming it, a field remembers the objects
   * stored in it, and a name that says what it holds ({@code token}) is a sink.
   */
  void assign(Object variable, AbstractValue value, Env env, Node at, boolean describe) {
    String name = variable instanceof LocalVar l ? l.name() : ((FieldInfo) variable).name;
    String declaredType = variable instanceof LocalVar l ? l.type() : ((FieldInfo) variable).type;
    RandomSinkTracer.reachNamed(value, name, new TraceStep(file.at(at), "assigned to " + name));
    AbstractValue stored = value;
    if (describe) {
      String kind = variable instanceof LocalVar ? "local " : "field ";
      stored =
          value.withStep(new TraceStep(file.at(at), kind + name + VariableReader.describe(value)));
    }
    if (declaredType != null && !TypeNames.VAR.equals(declaredType)) {
      stored =
          stored.withType(
              stored.type != null && stored.type.contains(".") ? stored.type : declaredType);
    }
    env.set(variable, stored);
    if (variable instanceof FieldInfo field) {
      for (Receiver r : value.objects) {
        if (r instanceof TrackedObject o) {
          field.store(o, false);
        }
      }
    }
  }

  // ---- nested code --------------------------------------------------------------------------

  /** A lambda body runs later (or never): it is walked on a copy of the state. */
  void lambda(LambdaExpr lambda, Env env) {
    Deque<JumpTarget> savedJumps = jumps;
    Deque<YieldTarget> savedYields = yields;
    jumps = new ArrayDeque<>();
    yields = new ArrayDeque<>();
    lambdaDepth++;
    locals.push(new HashMap<>());
    for (Parameter p : lambda.getParameters()) {
      declareParameter(p, "a lambda at line " + line(lambda));
    }
    Env copy = env.copy();
    Optional<Expression> body = lambda.getExpressionBody();
    if (body.isPresent()) {
      eval.eval(body.get(), copy);
    } else {
      walk(lambda.getBody(), copy);
    }
    locals.pop();
    lambdaDepth--;
    jumps = savedJumps;
    yields = savedYields;
  }

  void anonymousClass(ObjectCreationExpr creation, Env env) {
    ClassScope local =
        ClassScope.local(
            "new " + creation.getType().getNameAsString() + "(){" + file.nextAnonymousName() + "}",
            scope,
            creation.getAnonymousClassBody().orElseThrow(),
            file);
    file.registerFields(local);
    ClassAnalyzer.analyze(file, local);
  }

  private void localType(TypeDeclaration<?> declaration) {
    ClassScope local = ClassScope.of(declaration, scope, file);
    file.registerFields(local);
    ClassAnalyzer.analyze(file, local);
  }

  // ---- merging ------------------------------------------------------------------------------

  Env merge(Env a, Env b) {
    return Env.merge(a, b, eval::fieldValue);
  }

  void mergeInto(Env target, Env other) {
    target.replaceWith(merge(target, other));
  }

  private static int line(Node n) {
    return n.getBegin().map(p -> p.line).orElse(0);
  }
}
