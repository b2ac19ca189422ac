package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.bytecode.ConstantPoolFilter.Relevance;
import dev.keyaudit.scanner.jca.EmbeddedKeyDetector;
import dev.keyaudit.scanner.resolve.ProjectResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Analyzer;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Extracts the facts of one class that names a crypto or random API. A first round interprets the
 * methods that write the class's own fields (static initialiser, constructors, setters) to collect
 * their values, a second one the methods that use an API (or hold key text), with those field
 * values, and takes the facts from the frames. Values from other classes, parameters and other
 * methods' results are resolved project-wide by the shared engine from the classes' {@link
 * ClassLowering summaries}.
 */
final class ClassScan {

  private ClassScan() {}

  /**
   * The facts of class {@code node} (located at {@code path}), of the given relevance; values the
   * class cannot tell alone are asked of {@code resolver} (null: they stay unknown). A method that
   * cannot be analysed is reported to {@code problems} and skipped.
   */
  static List<Fact> scan(
      String path,
      ClassNode node,
      Relevance relevance,
      int targetJdk,
      ProjectResolver resolver,
      RandomUses randomUses,
      Consumer<String> problems) {
    ClassContext cx = new ClassContext(path, node.name, targetJdk, resolver);
    cx.randomUses = randomUses;
    constantFields(cx, node);
    if (relevance == Relevance.KEY_STRINGS) {
      keyStrings(cx, node);
      return cx.facts;
    }
    List<MethodNode> methods = ordered(node);
    SymbolicInterpreter interpreter = new SymbolicInterpreter(cx);
    for (MethodNode m : methods) {
      if (ApiMethods.writesOwnField(node, m)) {
        analyze(cx, node, m, interpreter, problems);
      }
    }
    cx.fieldValues = fieldSnapshot(cx);
    interpreter.stopRecordingFieldWrites();
    MethodFacts facts = new MethodFacts(cx);
    boolean keyConstants = !cx.keyConstants.isEmpty();
    for (MethodNode m : methods) {
      if (!ApiMethods.usesApi(m) && !ApiMethods.mayHoldKeyText(m, keyConstants)) {
        continue; // no fact can come from it
      }
      Frame<SymValue>[] frames = analyze(cx, node, m, interpreter, problems);
      if (frames != null) {
        facts.read(m, frames);
      }
    }
    TrackedFacts.emit(cx);
    cx.unusedKeyStrings();
    return cx.facts;
  }

  /** Parses a class file for interpretation (frames are recomputed, so not read). */
  static ClassNode parse(ClassReader reader) {
    ClassNode node = new ClassNode();
    reader.accept(node, ClassReader.SKIP_FRAMES);
    return node;
  }

  /** Static initialiser first, then constructors, then the rest: field writes before reads. */
  static List<MethodNode> ordered(ClassNode node) {
    List<MethodNode> out = new ArrayList<>();
    node.methods.stream().filter(m -> m.name.equals("<clinit>")).forEach(out::add);
    node.methods.stream().filter(m -> m.name.equals("<init>")).forEach(out::add);
    node.methods.stream()
        .filter(m -> !m.name.equals("<clinit>") && !m.name.equals("<init>"))
        .forEach(out::add);
    out.removeIf(m -> m.instructions.size() == 0);
    return out;
  }

  static Frame<SymValue>[] analyze(
      ClassContext cx,
      ClassNode node,
      MethodNode method,
      SymbolicInterpreter interpreter,
      Consumer<String> problems) {
    cx.enter(method);
    Analyzer<SymValue> analyzer =
        new Analyzer<>(interpreter) {
          @Override
          protected Frame<SymValue> newFrame(int numLocals, int numStack) {
            return new StateFrame(cx, numLocals, numStack);
          }

          @Override
          protected Frame<SymValue> newFrame(Frame<? extends SymValue> frame) {
            return new StateFrame(cx, frame);
          }
        };
    try {
      return analyzer.analyze(node.name, method);
    } catch (AnalyzerException | RuntimeException e) {
      problems.accept(
          "method " + method.name + method.desc + " skipped: cannot be analysed (" + e + ")");
      return null;
    }
  }

  /** {@code static final} constants javac wrote as {@code ConstantValue} attributes. */
  private static void constantFields(ClassContext cx, ClassNode node) {
    for (FieldNode f : node.fields) {
      if (f.value instanceof Integer || f.value instanceof Long || f.value instanceof String) {
        String what =
            f.value instanceof String s
                ? "string constant (" + s.length() + " chars)"
                : "constant " + f.value;
        TraceStep step = new TraceStep(Location.line(cx.path, 0), "field " + f.name + ": " + what);
        cx.fieldWrites.put(f.name, SymValue.constant(Type.getType(f.desc), f.value, List.of(step)));
        if (f.value instanceof String text && EmbeddedKeyDetector.detect(text).isPresent()) {
          cx.keyConstants.add(text);
        }
      }
    }
  }

  /** Field values for the second round: arrays become their contents. */
  private static Map<String, SymValue> fieldSnapshot(ClassContext cx) {
    Values values = new Values(cx);
    Map<String, SymValue> out = new LinkedHashMap<>();
    cx.fieldWrites.forEach((name, v) -> out.put(name, values.withArrays(v)));
    return Map.copyOf(out);
  }

  /** Only key strings to find: their uses, without interpreting anything. */
  private static void keyStrings(ClassContext cx, ClassNode node) {
    for (MethodNode m : node.methods) {
      cx.enter(m);
      for (AbstractInsnNode insn : m.instructions) {
        if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String text) {
          cx.keyString(insn, text);
        } else if (insn instanceof InvokeDynamicInsnNode indy
            && indy.bsmArgs.length > 0
            && indy.bsmArgs[0] instanceof String recipe) {
          cx.keyStringsIn(indy, recipe);
        }
      }
    }
    cx.unusedKeyStrings();
  }
}
