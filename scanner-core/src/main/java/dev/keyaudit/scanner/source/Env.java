package dev.keyaudit.scanner.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The flow-sensitive state at one program point of a method: the value of every local variable and
 * of every field the method assigned, and per tracked object how it may have been initialised and
 * whether output may not have been drawn yet. A dead environment follows a {@code return}, {@code
 * throw}, {@code break} or {@code continue}; merging ignores it.
 */
final class Env {

  /** Per receiver: the initialisation states that may hold, and whether no output was drawn. */
  record ObjectState(List<InitState> inits, boolean undrawn) {}

  private boolean dead;
  private final Map<Object, AbstractValue> vars;
  private final Map<Receiver, ObjectState> states;

  private Env(boolean dead, Map<Object, AbstractValue> vars, Map<Receiver, ObjectState> states) {
    this.dead = dead;
    this.vars = vars;
    this.states = states;
  }

  static Env empty() {
    return new Env(false, new HashMap<>(), new HashMap<>());
  }

  static Env deadEnv() {
    return new Env(true, new HashMap<>(), new HashMap<>());
  }

  Env copy() {
    return new Env(dead, new HashMap<>(vars), new HashMap<>(states));
  }

  /** Takes over the content of {@code other} (after a merge computed elsewhere). */
  void replaceWith(Env other) {
    dead = other.dead;
    vars.clear();
    vars.putAll(other.vars);
    states.clear();
    states.putAll(other.states);
  }

  boolean isDead() {
    return dead;
  }

  void kill() {
    dead = true;
  }

  /** The value assigned to a {@link LocalVar} or {@link FieldInfo} here, or null if none. */
  AbstractValue get(Object variable) {
    return vars.get(variable);
  }

  void set(Object variable, AbstractValue value) {
    vars.put(variable, value);
  }

  /** Makes every variable unknown (after a statement the parser could not read). */
  void forgetAll(String why) {
    vars.replaceAll((k, v) -> v.invalidated(why));
  }

  List<InitState> initStates(Receiver receiver) {
    ObjectState s = states.get(receiver);
    if (s != null) {
      return s.inits();
    }
    return List.of(receiver instanceof FieldSlot ? InitState.PRIOR : InitState.NONE);
  }

  /** A new object on this path: not initialised, nothing drawn. */
  void created(TrackedObject object) {
    states.put(object, new ObjectState(List.of(InitState.NONE), true));
  }

  void setInitState(Receiver receiver, InitState state) {
    states.put(receiver, new ObjectState(List.of(state), undrawn(receiver)));
  }

  boolean undrawn(Receiver receiver) {
    ObjectState s = states.get(receiver);
    return s == null || s.undrawn();
  }

  void markDrawn(Receiver receiver) {
    states.put(receiver, new ObjectState(initStates(receiver), false));
  }

  /**
   * Either path may have been taken. {@code fieldDefault} gives the value of a field that one path
   * did not assign (what the method would read from the field).
   */
  static Env merge(Env a, Env b, Function<FieldInfo, AbstractValue> fieldDefault) {
    if (a.dead) {
      return b.copy();
    }
    if (b.dead) {
      return a.copy();
    }
    Map<Object, AbstractValue> vars = new HashMap<>(a.vars);
    for (Map.Entry<Object, AbstractValue> e : b.vars.entrySet()) {
      AbstractValue mine = a.vars.get(e.getKey());
      if (mine == null) {
        vars.put(
            e.getKey(),
            e.getKey() instanceof FieldInfo f
                ? AbstractValue.merge(fieldDefault.apply(f), e.getValue())
                : e.getValue());
      } else {
        vars.put(e.getKey(), AbstractValue.merge(mine, e.getValue()));
      }
    }
    for (Map.Entry<Object, AbstractValue> e : a.vars.entrySet()) {
      if (!b.vars.containsKey(e.getKey()) && e.getKey() instanceof FieldInfo f) {
        vars.put(f, AbstractValue.merge(e.getValue(), fieldDefault.apply(f)));
      }
    }
    Map<Receiver, ObjectState> states = new HashMap<>(a.states);
    for (Map.Entry<Receiver, ObjectState> e : b.states.entrySet()) {
      ObjectState mine = a.states.get(e.getKey());
      if (mine == null && e.getKey() instanceof FieldSlot) {
        mine = new ObjectState(List.of(InitState.PRIOR), true);
      }
      states.put(e.getKey(), mine == null ? e.getValue() : mergeStates(mine, e.getValue()));
    }
    for (Map.Entry<Receiver, ObjectState> e : a.states.entrySet()) {
      if (!b.states.containsKey(e.getKey()) && e.getKey() instanceof FieldSlot) {
        states.put(
            e.getKey(), mergeStates(e.getValue(), new ObjectState(List.of(InitState.PRIOR), true)));
      }
    }
    return new Env(false, vars, states);
  }

  private static ObjectState mergeStates(ObjectState a, ObjectState b) {
    List<InitState> inits = new ArrayList<>(a.inits());
    for (InitState s : b.inits()) {
      if (!inits.contains(s)) {
        inits.add(s);
      }
    }
    return new ObjectState(List.copyOf(inits), a.undrawn() || b.undrawn());
  }
}
