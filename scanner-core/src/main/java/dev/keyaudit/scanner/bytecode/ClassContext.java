package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.EmbeddedKeyMaterial;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.bytecode.Markers.ArraySite;
import dev.keyaudit.scanner.bytecode.Markers.NewSite;
import dev.keyaudit.scanner.bytecode.Markers.ObjectArraySite;
import dev.keyaudit.scanner.jca.EmbeddedKeyDetector;
import dev.keyaudit.scanner.jca.InitState;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.MethodRef;
import dev.keyaudit.scanner.resolve.ProjectResolver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.LineNumberNode;
import org.objectweb.asm.tree.MethodNode;

/**
 * What the analysis of one class shares between its methods: where the class is reported, the
 * values written to its own fields, the objects created per instruction (so fixpoint iterations see
 * one identity) and the facts found.
 */
final class ClassContext {

  final String path;
  final String internalName;

  /** The class as the shared engine names it ({@code com.acme.Outer.Inner}). */
  final String className;

  final int targetJdk;

  /** The project-wide resolver, or null while the project is being summarised. */
  final ProjectResolver resolver;

  /** Where each random generator's output ends up project-wide, asked once per project. */
  RandomUses randomUses = RandomUses.NONE;

  /** The method being interpreted, as the shared engine names it. */
  MethodRef method;

  /** Parameter index (receiver not counted) of each local slot that holds a parameter, or -1. */
  private int[] parameterOfSlot = new int[0];

  private List<String> parameterNames = List.of();
  final List<Fact> facts = new ArrayList<>();
  final List<Tracked> tracked = new ArrayList<>();

  /** Private keys in the class's constant fields, each reported once (at its first use). */
  final Set<String> keyConstants = new LinkedHashSet<>();

  private final Set<String> reportedKeys = new HashSet<>();

  /**
   * Reports a string constant holding a private key once per class: javac copies a constant field's
   * text to every use, so the first use stands for all.
   */
  void keyString(AbstractInsnNode at, String text) {
    if (reportedKeys.contains(text)) {
      return;
    }
    EmbeddedKeyDetector.detect(text)
        .ifPresent(
            kind -> {
              reportedKeys.add(text);
              fact(
                  new EmbeddedKeyMaterial(
                      at == null ? Location.file(path) : at(at),
                      kind,
                      Secret.ofText(text.strip())));
            });
  }

  /** Key constants folded into a concatenation recipe by javac, reported at the concatenation. */
  void keyStringsIn(AbstractInsnNode at, String recipe) {
    for (String key : keyConstants) {
      if (recipe.contains(key)) {
        keyString(at, key);
      }
    }
  }

  /** Key constants never used in code: reported on the class file, without a line. */
  void unusedKeyStrings() {
    for (String key : keyConstants) {
      keyString(null, key);
    }
  }

  /** Every init/initialize call seen on each generator, in instruction order. */
  final Map<Tracked, List<InitState>> inits = new IdentityHashMap<>();

  /** The state an init call instruction set (for the generate calls it reaches). */
  final Map<AbstractInsnNode, InitState> initCalls = new IdentityHashMap<>();

  /** Field name to the join of every value written to it (first round), then frozen. */
  final Map<String, SymValue> fieldWrites = new LinkedHashMap<>();

  Map<String, SymValue> fieldValues = Map.of();

  final Map<AbstractInsnNode, Object> sites = new IdentityHashMap<>();
  final Map<NewSite, SymValue> constructed = new IdentityHashMap<>();
  final Map<ArraySite, Map<Integer, SymValue.Cand>> arrayContents = new IdentityHashMap<>();
  final Map<ArraySite, String> arrayInvalid = new IdentityHashMap<>();
  final Map<ArraySite, java.util.Set<Object>> arrayTaints = new IdentityHashMap<>();

  /** Arrays a generator filled ({@code rng.nextBytes(buf)}): the draw, as IR. */
  final Map<ArraySite, Expr> arrayDraws = new IdentityHashMap<>();

  private Map<AbstractInsnNode, Integer> lines = new HashMap<>();

  /** Elements stored into object arrays allocated with a constant length. */
  final Map<ObjectArraySite, Map<Integer, SymValue>> objectArrays = new IdentityHashMap<>();

  ClassContext(String path, String internalName, int targetJdk, ProjectResolver resolver) {
    this.path = path;
    this.internalName = internalName;
    this.className = ValueCalls.fqn(internalName);
    this.targetJdk = targetJdk;
    this.resolver = resolver;
  }

  /** Starts a method: maps its instructions to source lines from the LineNumberTable. */
  void enter(MethodNode method) {
    Type[] arguments = Type.getArgumentTypes(method.desc);
    this.method = new MethodRef(className, method.name, arguments.length);
    boolean isStatic = (method.access & Opcodes.ACC_STATIC) != 0;
    parameterOfSlot = new int[method.maxLocals + 1];
    java.util.Arrays.fill(parameterOfSlot, -1);
    List<String> names = new ArrayList<>();
    int slot = isStatic ? 0 : 1;
    for (int i = 0; i < arguments.length; i++) {
      if (slot < parameterOfSlot.length) {
        parameterOfSlot[slot] = i;
      }
      names.add(localName(method, slot, "arg" + i));
      slot += arguments[i].getSize();
    }
    parameterNames = List.copyOf(names);
    lines = new HashMap<>();
    int line = 0;
    for (AbstractInsnNode insn = method.instructions.getFirst();
        insn != null;
        insn = insn.getNext()) {
      if (insn instanceof LineNumberNode ln) {
        line = ln.line;
      }
      lines.put(insn, line);
    }
  }

  /** The parameter a local slot holds on entry, as IR; null for the receiver or a local. */
  Expr.ParamRef parameter(int slot) {
    if (slot >= parameterOfSlot.length || parameterOfSlot[slot] < 0) {
      return null;
    }
    int index = parameterOfSlot[slot];
    return new Expr.ParamRef(method, index, parameterNames.get(index), Location.file(path));
  }

  List<String> parameterNames() {
    return parameterNames;
  }

  private static String localName(MethodNode method, int slot, String fallback) {
    if (method.localVariables != null) {
      for (var v : method.localVariables) {
        if (v.index == slot) {
          return v.name;
        }
      }
    }
    return fallback;
  }

  int line(AbstractInsnNode insn) {
    return lines.getOrDefault(insn, 0);
  }

  Location at(AbstractInsnNode insn) {
    return Location.line(path, line(insn));
  }

  TraceStep step(AbstractInsnNode insn, String message) {
    return new TraceStep(at(insn), message);
  }

  /** The object created by {@code insn}, made once. */
  @SuppressWarnings("unchecked")
  <T> T site(AbstractInsnNode insn, Supplier<T> create) {
    return (T) sites.computeIfAbsent(insn, k -> create.get());
  }

  Tracked track(AbstractInsnNode insn, Supplier<Tracked> create) {
    return site(
        insn,
        () -> {
          Tracked t = create.get();
          tracked.add(t);
          return t;
        });
  }

  /** An object under construction stands for what its constructor built, once it ran. */
  SymValue resolve(SymValue v) {
    if (v == null || v.objects.isEmpty()) {
      return v;
    }
    SymValue out = v;
    for (Object o : v.objects) {
      if (o instanceof NewSite site && constructed.containsKey(site)) {
        out = constructed.get(site);
      } else if (o instanceof ArraySite site && arrayDraws.containsKey(site) && !out.isKnown()) {
        out = out.withExpr(arrayDraws.get(site));
      }
    }
    return out;
  }

  List<InitState> inits(Tracked generator) {
    return inits.computeIfAbsent(generator, g -> new ArrayList<>());
  }

  void fact(Fact fact) {
    facts.add(fact);
  }
}
