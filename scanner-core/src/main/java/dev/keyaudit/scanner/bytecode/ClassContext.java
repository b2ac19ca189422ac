package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.EmbeddedKeyMaterial;
import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.bytecode.Markers.ArraySite;
import dev.keyaudit.scanner.bytecode.Markers.NewSite;
import dev.keyaudit.scanner.jca.EmbeddedKeyDetector;
import dev.keyaudit.scanner.jca.InitState;
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
  final int targetJdk;
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

  private Map<AbstractInsnNode, Integer> lines = new HashMap<>();

  ClassContext(String path, String internalName, int targetJdk) {
    this.path = path;
    this.internalName = internalName;
    this.targetJdk = targetJdk;
  }

  /** Starts a method: maps its instructions to source lines from the LineNumberTable. */
  void enter(MethodNode method) {
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
