package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.scanner.bytecode.Markers.EscapeAt;
import dev.keyaudit.scanner.bytecode.Markers.GenState;
import dev.keyaudit.scanner.bytecode.Markers.InitAt;
import dev.keyaudit.scanner.bytecode.Tracked.Kind;
import dev.keyaudit.scanner.jca.JcaApi;
import dev.keyaudit.scanner.jca.RngObjects;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.analysis.AnalyzerException;
import org.objectweb.asm.tree.analysis.Frame;
import org.objectweb.asm.tree.analysis.Interpreter;

/**
 * A frame that also carries flow state the stack cannot: which initialisation of each tracked
 * generator reaches this point ({@link GenState#NONE} after creation, an {@link InitAt} after an
 * init call, an {@link EscapeAt} after being handed to unknown code; absent means {@link
 * InitState#PRIOR}), and which random sources were already drawn from. Joins unite both.
 */
final class StateFrame extends Frame<SymValue> {

  private final ClassContext cx;
  Map<Tracked, Set<Object>> inits = new HashMap<>();
  Set<Tracked> drawn = new HashSet<>();

  StateFrame(ClassContext cx, int numLocals, int maxStack) {
    super(numLocals, maxStack);
    this.cx = cx;
  }

  StateFrame(ClassContext cx, Frame<? extends SymValue> frame) {
    super(frame);
    this.cx = cx;
    copyState(frame);
  }

  @Override
  public Frame<SymValue> init(Frame<? extends SymValue> frame) {
    super.init(frame);
    copyState(frame);
    return this;
  }

  private void copyState(Frame<? extends SymValue> frame) {
    if (frame instanceof StateFrame s) {
      inits = new HashMap<>(s.inits);
      drawn = new HashSet<>(s.drawn);
    }
  }

  /** The initialisation states of {@code g} here. */
  Set<Object> initStates(Tracked g) {
    return inits.getOrDefault(g, Set.of(GenState.PRIOR));
  }

  @Override
  public boolean merge(Frame<? extends SymValue> frame, Interpreter<SymValue> interpreter)
      throws AnalyzerException {
    boolean changed = super.merge(frame, interpreter);
    StateFrame other = (StateFrame) frame;
    Set<Tracked> keys = new HashSet<>(inits.keySet());
    keys.addAll(other.inits.keySet());
    for (Tracked g : keys) {
      Set<Object> merged = new LinkedHashSet<>(initStates(g));
      merged.addAll(other.initStates(g));
      if (!merged.equals(inits.get(g))) {
        // Insertion order, not Set.copyOf's per-run order: the facts list the states in order.
        inits.put(g, java.util.Collections.unmodifiableSet(merged));
        changed = true;
      }
    }
    changed |= drawn.addAll(other.drawn);
    return changed;
  }

  @Override
  public void execute(AbstractInsnNode insn, Interpreter<SymValue> interpreter)
      throws AnalyzerException {
    if (insn instanceof MethodInsnNode call) {
      beforeCall(call);
    }
    super.execute(insn, interpreter);
    if (cx.sites.get(insn) instanceof Tracked created) {
      if (created.isGenerator()) {
        inits.put(created, Set.of(GenState.NONE));
      }
      drawn.remove(created);
    }
  }

  private void beforeCall(MethodInsnNode call) {
    int argCount = Type.getArgumentTypes(call.desc).length;
    boolean isStatic = call.getOpcode() == Opcodes.INVOKESTATIC;
    int first = getStackSize() - argCount - (isStatic ? 0 : 1);
    if (first < 0) {
      return;
    }
    String owner = ValueCalls.fqn(call.owner);
    for (int i = first; i < getStackSize(); i++) {
      boolean receiver = !isStatic && i == first;
      for (Object o : cx.resolve(getStack(i)).objects) {
        if (!(o instanceof Tracked t)) {
          continue;
        }
        if (t.isGenerator()) {
          generatorUse(call, owner, t, receiver);
        } else if (receiver && RngObjects.isDraw(call.name)) {
          drawn.add(t);
        }
      }
    }
  }

  private void generatorUse(MethodInsnNode call, String owner, Tracked g, boolean receiver) {
    boolean api =
        receiver
            && owner.equals(
                g.kind == Kind.KEY_GENERATOR ? JcaApi.KEY_GENERATOR : JcaApi.KEY_PAIR_GENERATOR);
    if (api && MethodFacts.isInit(g, call)) {
      inits.put(g, Set.of(new InitAt(call)));
    } else if (!api) {
      inits.put(g, Set.of(new EscapeAt(call)));
    }
  }
}
