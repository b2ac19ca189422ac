package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.bytecode.Markers.ArraySite;
import dev.keyaudit.scanner.bytecode.Markers.NewSite;
import dev.keyaudit.scanner.bytecode.Markers.ObjectArraySite;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import dev.keyaudit.scanner.resolve.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.IincInsnNode;
import org.objectweb.asm.tree.IntInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.TypeInsnNode;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * Lowers JVM instructions into {@link SymValue}s: constants from {@code LDC}, {@code *IPUSH} and
 * {@code *CONST}, integer arithmetic, the class's own fields, arrays filled element by element,
 * {@code invokedynamic} string concatenation, objects built by {@code NEW} + {@code <init>}, and
 * the value-producing API calls of {@link ValueCalls}. Everything else is unknown, with the reason.
 * Side effects stay out: facts are read from the frames afterwards by {@link MethodFacts}.
 */
final class SymbolicInterpreter extends Interpreter<SymValue> {

  private static final Type OBJECT = Type.getObjectType("java/lang/Object");

  /** Object arrays longer than this are not followed element by element. */
  private static final int MAX_VARARGS = 16;

  private final ClassContext cx;
  private final ValueCalls calls;

  SymbolicInterpreter(ClassContext cx) {
    super(Opcodes.ASM9);
    this.cx = cx;
    this.calls = new ValueCalls(cx);
  }

  @Override
  public SymValue newValue(Type type) {
    if (type == null) {
      return SymValue.UNINITIALIZED;
    }
    if (type.getSort() == Type.VOID) {
      return null;
    }
    return SymValue.unknown(type, "not known");
  }

  @Override
  public SymValue newParameterValue(boolean isInstanceMethod, int local, Type type) {
    if (isInstanceMethod && local == 0) {
      return SymValue.unknown(type, "this").withObject(Markers.Receiver.THIS);
    }
    Expr.ParamRef parameter = cx.parameter(local);
    return parameter == null
        ? SymValue.unknown(type, "method parameter")
        : SymValue.symbolic(type, parameter, "method parameter " + parameter.name());
  }

  @Override
  public SymValue newExceptionValue(
      org.objectweb.asm.tree.TryCatchBlockNode tryCatch,
      org.objectweb.asm.tree.analysis.Frame<SymValue> handlerFrame,
      Type exceptionType) {
    return SymValue.unknown(exceptionType, "caught exception");
  }

  @Override
  public SymValue newOperation(AbstractInsnNode insn) {
    int op = insn.getOpcode();
    switch (op) {
      case Opcodes.ACONST_NULL:
        return SymValue.constant(OBJECT, Marker.NULL, List.of());
      case Opcodes.ICONST_M1:
      case Opcodes.ICONST_0:
      case Opcodes.ICONST_1:
      case Opcodes.ICONST_2:
      case Opcodes.ICONST_3:
      case Opcodes.ICONST_4:
      case Opcodes.ICONST_5:
        return intConstant(insn, op - Opcodes.ICONST_0);
      case Opcodes.LCONST_0:
      case Opcodes.LCONST_1:
        return longConstant(insn, op - Opcodes.LCONST_0);
      case Opcodes.BIPUSH:
      case Opcodes.SIPUSH:
        return intConstant(insn, ((IntInsnNode) insn).operand);
      case Opcodes.LDC:
        return ldc(insn, ((LdcInsnNode) insn).cst);
      case Opcodes.GETSTATIC:
        return calls.staticField((FieldInsnNode) insn);
      case Opcodes.NEW:
        String type = ((TypeInsnNode) insn).desc;
        return SymValue.object(
            Type.getObjectType(type), cx.site(insn, () -> new NewSite(type, cx.line(insn))));
      case Opcodes.FCONST_0:
      case Opcodes.FCONST_1:
      case Opcodes.FCONST_2:
        return SymValue.unknown(Type.FLOAT_TYPE, "floating point");
      case Opcodes.DCONST_0:
      case Opcodes.DCONST_1:
        return SymValue.unknown(Type.DOUBLE_TYPE, "floating point");
      default:
        return SymValue.unknown(OBJECT, "not followed");
    }
  }

  private SymValue intConstant(AbstractInsnNode insn, int v) {
    return SymValue.constant(Type.INT_TYPE, v, List.of(cx.step(insn, "constant " + v)));
  }

  private SymValue longConstant(AbstractInsnNode insn, long v) {
    return SymValue.constant(Type.LONG_TYPE, v, List.of(cx.step(insn, "constant " + v)));
  }

  private SymValue ldc(AbstractInsnNode insn, Object cst) {
    if (cst instanceof Integer i) {
      return intConstant(insn, i);
    }
    if (cst instanceof Long l) {
      return longConstant(insn, l);
    }
    if (cst instanceof String s) {
      // The trace names the constant, never its text: it may be a secret.
      TraceStep step = cx.step(insn, "string constant (" + s.length() + " chars)");
      return SymValue.constant(Type.getType(String.class), s, List.of(step));
    }
    if (cst instanceof Float) {
      return SymValue.unknown(Type.FLOAT_TYPE, "floating point");
    }
    if (cst instanceof Double) {
      return SymValue.unknown(Type.DOUBLE_TYPE, "floating point");
    }
    return SymValue.unknown(OBJECT, "class or method constant");
  }

  @Override
  public SymValue copyOperation(AbstractInsnNode insn, SymValue value) {
    return value;
  }

  @Override
  public SymValue unaryOperation(AbstractInsnNode insn, SymValue value) {
    int op = insn.getOpcode();
    switch (op) {
      case Opcodes.INEG:
        return Arithmetic.unary(Type.INT_TYPE, value, x -> -x);
      case Opcodes.LNEG:
        return Arithmetic.unary(Type.LONG_TYPE, value, x -> -x);
      case Opcodes.IINC:
        int by = ((IincInsnNode) insn).incr;
        return Arithmetic.unary(Type.INT_TYPE, value, x -> x + by);
      case Opcodes.I2L:
        return Arithmetic.unary(Type.LONG_TYPE, value, x -> x);
      case Opcodes.L2I:
        return Arithmetic.unary(Type.INT_TYPE, value, x -> (int) x);
      case Opcodes.I2B:
        return Arithmetic.unary(Type.BYTE_TYPE, value, x -> (byte) x);
      case Opcodes.I2C:
        return Arithmetic.unary(Type.CHAR_TYPE, value, x -> (char) x);
      case Opcodes.I2S:
        return Arithmetic.unary(Type.SHORT_TYPE, value, x -> (short) x);
      case Opcodes.GETFIELD:
        return calls.instanceField((FieldInsnNode) insn, value);
      case Opcodes.PUTSTATIC:
        calls.fieldWrite((FieldInsnNode) insn, resolve(value));
        return null;
      case Opcodes.NEWARRAY:
        return newArray(insn, value);
      case Opcodes.ANEWARRAY:
        SymValue objects =
            SymValue.unknown(
                Type.getType("[" + Type.getObjectType(((TypeInsnNode) insn).desc).getDescriptor()),
                "array of objects");
        if (value.single() instanceof Integer n && n >= 0 && n <= MAX_VARARGS) {
          return objects.withObject(cx.site(insn, () -> new ObjectArraySite(n)));
        }
        return objects;
      case Opcodes.ARRAYLENGTH:
        return SymValue.unknown(Type.INT_TYPE, "array length");
      case Opcodes.CHECKCAST:
        return resolve(value).withDescriptor(Type.getObjectType(((TypeInsnNode) insn).desc));
      case Opcodes.INSTANCEOF:
        return SymValue.unknown(Type.INT_TYPE, "instanceof");
      case Opcodes.I2F:
      case Opcodes.L2F:
      case Opcodes.D2F:
      case Opcodes.FNEG:
        return SymValue.unknown(Type.FLOAT_TYPE, "floating point");
      case Opcodes.I2D:
      case Opcodes.L2D:
      case Opcodes.F2D:
      case Opcodes.DNEG:
        return SymValue.unknown(Type.DOUBLE_TYPE, "floating point");
      case Opcodes.F2I:
      case Opcodes.D2I:
        return SymValue.unknown(Type.INT_TYPE, "converted from floating point")
            .withObjects(value.objects);
      case Opcodes.F2L:
      case Opcodes.D2L:
        return SymValue.unknown(Type.LONG_TYPE, "converted from floating point")
            .withObjects(value.objects);
      default:
        // Branches, switches, returns, throws, monitors: no value.
        return null;
    }
  }

  private SymValue newArray(AbstractInsnNode insn, SymValue length) {
    int kind = ((IntInsnNode) insn).operand;
    boolean bytes = kind == Opcodes.T_BYTE;
    boolean chars = kind == Opcodes.T_CHAR;
    Type type = Type.getType(bytes ? "[B" : chars ? "[C" : "[I");
    if (!(bytes || chars) || !(length.single() instanceof Integer n) || n < 0 || n > 1 << 16) {
      SymValue computed = SymValue.unknown(type, "array of computed length");
      if (!bytes) {
        return computed;
      }
      // Its contents stay unknown, but a generator may fill it: the identity carries the draw.
      ArraySite site = cx.site(insn, () -> new ArraySite(0, false, cx.line(insn)));
      cx.arrayInvalid.put(site, "array of computed length");
      return computed.withObject(site);
    }
    ArraySite site = cx.site(insn, () -> new ArraySite(n, chars, cx.line(insn)));
    return SymValue.unknown(type, "array being filled").withObject(site);
  }

  @Override
  public SymValue binaryOperation(AbstractInsnNode insn, SymValue a, SymValue b) {
    int op = insn.getOpcode();
    if (op == Opcodes.PUTFIELD) {
      calls.fieldWrite((FieldInsnNode) insn, resolve(b));
      return null;
    }
    if (op >= Opcodes.IF_ICMPEQ && op <= Opcodes.IF_ACMPNE) {
      return null;
    }
    if (op >= Opcodes.IALOAD && op <= Opcodes.SALOAD) {
      return arrayElement(op, a);
    }
    SymValue result = Arithmetic.binary(op, a, b);
    String operator = Ir.operator(op);
    if (!result.isKnown() && operator != null && Ir.has(a) && Ir.has(b)) {
      // Known only project-wide (a parameter, another class's constant): the resolver folds it.
      return result.withExpr(Ir.bounded(new Expr.Arith(operator, Ir.of(a), Ir.of(b))));
    }
    return result;
  }

  private static SymValue arrayElement(int op, SymValue array) {
    Type type =
        switch (op) {
          case Opcodes.LALOAD -> Type.LONG_TYPE;
          case Opcodes.DALOAD -> Type.DOUBLE_TYPE;
          case Opcodes.FALOAD -> Type.FLOAT_TYPE;
          case Opcodes.AALOAD -> OBJECT;
          default -> Type.INT_TYPE;
        };
    // The element keeps the array's taint (random output stays random output).
    return SymValue.unknown(type, "array element").withObjects(taints(array));
  }

  static java.util.Set<Object> taints(SymValue v) {
    java.util.Set<Object> out = new java.util.LinkedHashSet<>();
    for (Object o : v.objects) {
      if (o instanceof Markers.Taint) {
        out.add(o);
      }
    }
    return out;
  }

  @Override
  public SymValue ternaryOperation(
      AbstractInsnNode insn, SymValue array, SymValue index, SymValue value) {
    for (Object o : array.objects) {
      if (o instanceof ArraySite site) {
        storeElement(site, index, value);
      } else if (o instanceof ObjectArraySite site
          && index.single() instanceof Integer i
          && i >= 0
          && i < site.length) {
        cx.objectArrays.computeIfAbsent(site, k -> new HashMap<>()).put(i, resolve(value));
      }
    }
    return null;
  }

  private void storeElement(ArraySite site, SymValue index, SymValue value) {
    if (cx.arrayInvalid.containsKey(site)) {
      return;
    }
    if (!(index.single() instanceof Integer i) || value.cands.size() != 1) {
      cx.arrayInvalid.put(site, "element computed at run time");
      return;
    }
    SymValue.Cand c = value.cands.get(0);
    if (!(c.value() instanceof Integer) || i < 0 || i >= site.length) {
      cx.arrayInvalid.put(site, "element not a constant");
      return;
    }
    cx.arrayContents.computeIfAbsent(site, k -> new HashMap<>()).put(i, c);
  }

  @Override
  public SymValue naryOperation(AbstractInsnNode insn, List<? extends SymValue> values) {
    List<SymValue> args = new ArrayList<>(values.size());
    for (SymValue v : values) {
      args.add(resolve(v));
    }
    if (insn instanceof InvokeDynamicInsnNode indy) {
      return invokeDynamic(indy, args);
    }
    if (insn instanceof MethodInsnNode call) {
      Type returns = Type.getReturnType(call.desc);
      if (call.name.equals("<init>") && !values.isEmpty()) {
        for (Object o : values.get(0).objects) {
          if (o instanceof NewSite site) {
            SymValue built = calls.construct(call, site, args.subList(1, args.size()));
            cx.constructed.put(
                site,
                built != null
                    ? built
                    : SymValue.unknown(
                        Type.getObjectType(site.type), "new " + simple(site.type) + "()"));
          }
        }
        calls.escape(call, args.subList(1, args.size()));
        return null;
      }
      SymValue result = calls.call(call, args);
      if (result == null) {
        calls.escape(call, args);
        return returns.getSort() == Type.VOID
            ? null
            : SymValue.unknown(returns, "result of " + simple(call.owner) + "." + call.name + "()")
                .withExpr(calls.projectCall(call, args));
      }
      return returns.getSort() == Type.VOID ? null : result.withDescriptor(returns);
    }
    return SymValue.unknown(OBJECT, "multi-dimensional array");
  }

  private SymValue invokeDynamic(InvokeDynamicInsnNode indy, List<SymValue> args) {
    Type returns = Type.getReturnType(indy.desc);
    Handle bsm = indy.bsm;
    if (bsm.getOwner().equals("java/lang/invoke/StringConcatFactory")
        && indy.name.equals("makeConcatWithConstants")
        && indy.bsmArgs.length >= 1
        && indy.bsmArgs[0] instanceof String recipe) {
      SymValue folded =
          StringConcat.fold(
              recipe,
              indy.bsmArgs,
              Type.getArgumentTypes(indy.desc),
              args,
              cx.step(indy, "string concatenation"));
      return folded.isKnown()
          ? folded
          : folded.withExpr(StringConcat.lower(recipe, indy.bsmArgs, args));
    }
    SymValue dynamic = SymValue.unknown(returns, "lambda or dynamic call");
    if (bsm.getOwner().equals("java/lang/invoke/LambdaMetafactory")
        && args.isEmpty()
        && indy.bsmArgs.length >= 2
        && indy.bsmArgs[1] instanceof Handle impl) {
      // A non-capturing lambda: calling its functional method runs the implementation.
      return dynamic.withObject(
          new Markers.LambdaRef(
              new dev.keyaudit.scanner.resolve.MethodRef(
                  ValueCalls.fqn(impl.getOwner()),
                  impl.getName(),
                  Type.getArgumentTypes(impl.getDesc()).length)));
    }
    return dynamic;
  }

  @Override
  public void returnOperation(AbstractInsnNode insn, SymValue value, SymValue expected) {
    // Method results are resolved by the shared engine across methods, not here.
  }

  @Override
  public SymValue merge(SymValue a, SymValue b) {
    return a.merge(b);
  }

  void stopRecordingFieldWrites() {
    calls.recordFieldWrites = false;
  }

  private SymValue resolve(SymValue v) {
    return cx.resolve(v);
  }

  static String simple(String internalName) {
    return internalName.substring(internalName.lastIndexOf('/') + 1);
  }
}
