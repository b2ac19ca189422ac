package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.scanner.bytecode.Markers.NewSite;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.MethodRef;
import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.resolve.Summaries.FieldSummary;
import dev.keyaudit.scanner.resolve.Summaries.MethodSummary;
import dev.keyaudit.scanner.resolve.Summaries.TypeSummary;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Phase one of the shared engine for a class file: interprets every method once and lowers what the
 * frames hold into the IR summary the source frontend also produces: each field with every value
 * the class assigns to it (its {@code ConstantValue}, {@code <clinit>}, constructors, setters),
 * each method with its returned values, each call to a project method with its argument values, and
 * the pseudo-fields {@code CONSTANT.field} of enum constants and singletons built in the static
 * initialiser.
 */
final class ClassLowering {

  private final ClassNode node;
  private final ClassContext cx;
  private final Map<String, FieldWrites> fields = new LinkedHashMap<>();
  private final List<MethodSummary> methods = new ArrayList<>();
  private final List<CallSiteSummary> calls = new ArrayList<>();

  /** What the class hands to crypto and random API calls that only the project can tell. */
  private final List<Expr> apiArgs = new ArrayList<>();

  /** A class's summary and the symbolic values it hands to crypto and random API calls. */
  record Lowered(TypeSummary type, List<Expr> apiArgs) {}

  /** Per constructor: the values it assigns to fields of {@code this}. */
  private final Map<MethodRef, Map<String, List<Expr>>> constructorWrites = new LinkedHashMap<>();

  /** Static fields holding an instance built here: the constructor call that built it. */
  private final Map<String, Construction> staticInstances = new LinkedHashMap<>();

  private final Map<NewSite, Construction> constructions = new IdentityHashMap<>();

  private record Construction(MethodRef constructor, List<Expr> args, Location at) {}

  /** Every value one field is assigned, where first, and by which methods. */
  private static final class FieldWrites {
    final List<Expr> assigned = new ArrayList<>();
    final Set<String> writers = new java.util.TreeSet<>();
    Location at;
  }

  private final Set<MethodNode> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

  ClassLowering(String path, ClassNode node) {
    this.node = node;
    this.cx = new ClassContext(path, node.name, 17, null);
  }

  /**
   * Which methods the engine needs lowered: those that use an API (in a class that names one, with
   * its lambda bodies), those that write a field, those of a name and arity (their returns), or
   * those that call one (their argument values).
   */
  record Need(String field, String method, int arity, boolean calls) {
    /** The methods that use an API: what they hand to it. */
    static final Need API = new Need(null, null, -1, true);

    static Need field(String name) {
      return new Need(name, null, -1, false);
    }

    static Need returns(String name, int arity) {
      return new Need(null, name, arity, false);
    }

    static Need callers(String name, int arity) {
      return new Need(null, name, arity, true);
    }

    boolean matches(ClassNode owner, MethodNode m) {
      if (field != null) {
        // An enum constant's fields (pseudo-fields CONSTANT.field) come from the static
        // initialiser and a constructor; a reader may name them either way.
        boolean initialiser = m.name.equals("<clinit>") || m.name.equals("<init>");
        return field.contains(".") || (owner.access & Opcodes.ACC_ENUM) != 0
            ? initialiser || writes(owner, m, field)
            : writes(owner, m, field);
      }
      if (method == null) {
        // Lambda bodies too: a lambda held in a field is called where the class reads it. And
        // what random output may reach: a method or field named for a secret.
        return ApiMethods.usesApi(m)
            || m.name.startsWith("lambda$")
            || ApiMethods.namedForSecret(owner, m);
      }
      if (!calls) {
        return m.name.equals(method) && Type.getArgumentTypes(m.desc).length == arity;
      }
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof MethodInsnNode c
            && c.name.equals(method)
            && Type.getArgumentTypes(c.desc).length == arity) {
          return true;
        }
      }
      return false;
    }

    private static boolean writes(ClassNode owner, MethodNode m, String field) {
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof FieldInsnNode f
            && (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC)
            && f.name.equals(field)
            && f.owner.equals(owner.name)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Lowers the methods not lowered yet that one of {@code needs} asks for. */
  void lower(List<Need> needs) {
    SymbolicInterpreter interpreter = new SymbolicInterpreter(cx);
    for (MethodNode m : ClassScan.ordered(node)) {
      if (done.contains(m) || needs.stream().noneMatch(n -> n.matches(node, m))) {
        continue;
      }
      done.add(m);
      // A method that cannot be analysed only leaves the summary without it; phase two reports it.
      Frame<SymValue>[] frames = ClassScan.analyze(cx, node, m, interpreter, p -> {});
      if (frames != null) {
        read(m, frames);
      }
    }
  }

  /** The summary of what was lowered so far. */
  Lowered result() {
    List<String> supertypes = new ArrayList<>();
    if (node.superName != null && !ValueCalls.isLibrary(node.superName)) {
      supertypes.add(ValueCalls.fqn(node.superName));
    }
    for (String i : node.interfaces) {
      if (!ValueCalls.isLibrary(i)) {
        supertypes.add(ValueCalls.fqn(i));
      }
    }
    return new Lowered(
        new TypeSummary(cx.className, supertypes, fieldSummaries(), methods, calls),
        List.copyOf(apiArgs));
  }

  private void read(MethodNode m, Frame<SymValue>[] frames) {
    List<Expr> returns = new ArrayList<>();
    int firstLine = 0;
    for (int i = 0; i < frames.length; i++) {
      Frame<SymValue> frame = frames[i];
      AbstractInsnNode insn = m.instructions.get(i);
      if (firstLine == 0) {
        firstLine = cx.line(insn);
      }
      if (frame == null) {
        continue;
      }
      int op = insn.getOpcode();
      if (op >= Opcodes.IRETURN && op <= Opcodes.ARETURN) {
        Expr e = Ir.of(cx.resolve(top(frame, 0)));
        if (!returns.contains(e)) {
          returns.add(e);
        }
      } else if (insn instanceof FieldInsnNode f
          && (op == Opcodes.PUTFIELD || op == Opcodes.PUTSTATIC)
          && f.owner.equals(node.name)) {
        fieldWrite(f, frame);
      } else if (insn instanceof MethodInsnNode call) {
        call(call, frame);
      }
    }
    methods.add(
        new MethodSummary(
            cx.method, cx.parameterNames(), Location.line(cx.path, firstLine), returns));
  }

  private void fieldWrite(FieldInsnNode f, Frame<SymValue> frame) {
    if (OverwrittenWrites.overwritten(f, cx.method.name())) {
      return;
    }
    SymValue raw = top(frame, 0);
    Expr value = Ir.of(cx.resolve(raw));
    FieldWrites w = fields.computeIfAbsent(f.name, k -> new FieldWrites());
    if (!w.assigned.contains(value)) {
      w.assigned.add(value);
    }
    w.writers.add(cx.method.name());
    if (w.at == null) {
      w.at = cx.at(f);
    }
    if (f.getOpcode() == Opcodes.PUTSTATIC) {
      for (Object o : raw.objects) {
        if (o instanceof NewSite site && constructions.containsKey(site)) {
          staticInstances.put(f.name, constructions.get(site));
        }
      }
    } else if (cx.method.name().equals("<init>")
        && top(frame, 1).objects.contains(Markers.Receiver.THIS)) {
      constructorWrites
          .computeIfAbsent(cx.method, k -> new LinkedHashMap<>())
          .computeIfAbsent(f.name, k -> new ArrayList<>())
          .add(value);
    }
  }

  private void call(MethodInsnNode call, Frame<SymValue> frame) {
    int n = Type.getArgumentTypes(call.desc).length;
    List<SymValue> params = new ArrayList<>(n);
    for (int k = n - 1; k >= 0; k--) {
      params.add(cx.resolve(top(frame, k)));
    }
    MethodRef callee = new MethodRef(ValueCalls.fqn(call.owner), call.name, n);
    if (ValueCalls.isLibrary(call.owner)) {
      if (ApiMethods.isApi(call.owner)) {
        for (SymValue v : params) {
          if (v.expr != null && !apiArgs.contains(v.expr)) {
            apiArgs.add(v.expr);
          }
        }
        // Where random output may end up (key specs, seeds, a generator's init) and where
        // generators are created: the project-wide search for random output's sinks reads them.
        calls.add(new CallSiteSummary(cx.method, callee, cx.at(call), Ir.of(params)));
      }
      return;
    }
    List<Expr> args = Ir.of(params);
    calls.add(new CallSiteSummary(cx.method, callee, cx.at(call), args));
    if (call.name.equals("<init>") && call.owner.equals(node.name)) {
      for (Object o : top(frame, n).objects) {
        if (o instanceof NewSite site) {
          constructions.put(site, new Construction(callee, args, cx.at(call)));
        }
      }
    }
  }

  /** The stack slot {@code depth} below the top (0 = top). */
  private static SymValue top(Frame<SymValue> frame, int depth) {
    return frame.getStack(frame.getStackSize() - 1 - depth);
  }

  private List<FieldSummary> fieldSummaries() {
    List<FieldSummary> out = new ArrayList<>();
    for (FieldNode f : node.fields) {
      FieldWrites w = fields.getOrDefault(f.name, new FieldWrites());
      List<Expr> assigned = new ArrayList<>();
      if (f.value instanceof Integer || f.value instanceof Long || f.value instanceof String) {
        assigned.add(new Expr.Const(f.value, Location.line(cx.path, 0)));
      }
      assigned.addAll(w.assigned);
      boolean isStatic = (f.access & Opcodes.ACC_STATIC) != 0;
      boolean constant =
          (f.access & Opcodes.ACC_FINAL) != 0
              || w.writers.stream().allMatch(m -> m.equals("<clinit>") || m.equals("<init>"));
      Location at = w.at != null ? w.at : Location.line(cx.path, 0);
      out.add(new FieldSummary(f.name, isStatic, constant, at, assigned));
    }
    staticInstances.forEach(
        (name, built) -> {
          Map<String, List<Expr>> writes =
              constructorWrites.getOrDefault(built.constructor, Map.of());
          writes.forEach(
              (field, values) -> {
                List<Expr> bound = new ArrayList<>();
                for (Expr v : values) {
                  bound.add(Ir.bind(v, built.constructor, built.args));
                }
                out.add(new FieldSummary(name + "." + field, false, true, built.at, bound));
              });
        });
    return out;
  }
}
