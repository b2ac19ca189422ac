package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.Expression;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import java.util.List;

/**
 * One method call or object creation, after its arguments were evaluated: what extraction needs to
 * turn it into facts.
 *
 * @param callee how messages name the called API, e.g. "KeyPairGenerator.initialize"
 * @param writer writes a new value into the variable an argument names (buffers filled by a call)
 */
record CallSite(
    Node node,
    Location location,
    String callee,
    List<Expression> args,
    List<AbstractValue> values,
    FlowResolver resolver,
    Env env,
    ArgumentWriter writer) {

  /** Stores a value into the variable named by an argument expression, if it names one. */
  interface ArgumentWriter {
    void write(Expression argument, AbstractValue value, Env env);
  }

  int argCount() {
    return args.size();
  }

  Expression arg(int i) {
    return args.get(i);
  }

  AbstractValue value(int i) {
    return values.get(i);
  }

  TraceStep step(String message) {
    return new TraceStep(location, message);
  }

  /** The sink step ending every value trace that reaches this call. */
  TraceStep argumentStep(String what) {
    return new TraceStep(location, what + " passed to " + callee);
  }
}
