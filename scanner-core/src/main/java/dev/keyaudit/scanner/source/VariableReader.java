package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import dev.keyaudit.rules.model.TraceStep;
import java.util.List;
import java.util.Optional;

/**
 * What a variable holds at a program point: the value the flow state assigned it, or, for a field
 * the method did not assign, its constant initialiser (evaluated once, without effects) or why it
 * cannot be known. A field of an API type also stands for the unknown object in it ({@link
 * FieldSlot}).
 */
final class VariableReader {

  private final FileContext file;

  VariableReader(FileContext file) {
    this.file = file;
  }

  AbstractValue read(Object variable, Env env) {
    AbstractValue assigned = env.get(variable);
    if (assigned != null) {
      return assigned;
    }
    if (variable instanceof LocalVar local) {
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
    } else if (field.isFinal) {
      value = AbstractValue.unknown("field " + field.qualifiedName() + " set in a constructor");
    } else {
      value = AbstractValue.unknown("field " + field.qualifiedName() + " is not final");
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
      ExpressionEvaluator pure = ExpressionEvaluator.pure(file, field.owner);
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
                    "field " + field.qualifiedName() + ": " + v.unknownOr("not a constant"))
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
}
