package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.facts.SecureRandomCreation;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.bytecode.Markers.EscapeAt;
import dev.keyaudit.scanner.bytecode.Markers.GenState;
import dev.keyaudit.scanner.bytecode.Markers.InitAt;
import dev.keyaudit.scanner.jca.GeneratorInitialisation;
import dev.keyaudit.scanner.jca.InitState;
import dev.keyaudit.scanner.jca.RandomOutputSinks;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * Turns the history of every object tracked in a class into facts once all its methods were read: a
 * generator becomes one KeyGeneration / KeyPairGeneration (folded by the shared {@link
 * GeneratorInitialisation}), a {@code SecureRandom} one SecureRandomCreation, a non-cryptographic
 * source one NonCryptoRandomUse, and every seed one RngSeeding.
 */
final class TrackedFacts {

  private TrackedFacts() {}

  static void emit(ClassContext cx) {
    for (Tracked t : cx.tracked) {
      switch (t.kind) {
        case KEY_GENERATOR, KEY_PAIR_GENERATOR -> generator(cx, t);
        case SECURE_RANDOM -> {
          // Only the project-wide search follows a SecureRandom's output: null when not asked.
          OutputUse use = cx.randomUses.followed() ? use(cx, t) : null;
          cx.fact(
              new SecureRandomCreation(
                  t.location,
                  t.api,
                  t.algorithm,
                  t.drbgStrength,
                  t.drbgCapability,
                  use == null ? null : use.sink(),
                  use == null ? List.of() : use.flow()));
          seeds(cx, t, t.algorithm.knownValue().orElse("SecureRandom"), use);
        }
        case NON_CRYPTO_RANDOM -> {
          OutputUse use = use(cx, t);
          cx.fact(new NonCryptoRandomUse(t.location, t.api, use.sink(), use.flow()));
          seeds(cx, t, t.api, use);
        }
      }
    }
  }

  /** Where a generator's output ends up and the path there from its creation. */
  private record OutputUse(RandomSink sink, List<TraceStep> flow) {}

  /**
   * @param use null when the generator's output was not followed
   */
  private static void seeds(ClassContext cx, Tracked t, String rngType, OutputUse use) {
    for (Tracked.Seed s : t.seeds) {
      cx.fact(
          new RngSeeding(
              s.at(),
              s.api(),
              rngType,
              s.seed(),
              s.beforeFirstUse(),
              use == null ? null : use.sink(),
              use == null ? List.of() : use.flow()));
    }
  }

  /**
   * The most telling sink the generator's output reaches: in this class (the interpreter's taints)
   * or anywhere in the project (the engine's search); OTHER when none.
   */
  private static OutputUse use(ClassContext cx, Tracked t) {
    Tracked.Sink local = null;
    for (Tracked.Sink s : t.sinks) {
      if (local == null || s.sink().ordinal() < local.sink().ordinal()) {
        local = s;
      }
    }
    RandomOutputSinks.Sink elsewhere = cx.randomUses.of(t.location);
    List<TraceStep> flow = new ArrayList<>();
    flow.add(t.creationStep());
    RandomSink sink = RandomSink.OTHER;
    // For the same sink, the API argument found here is as telling and its path shorter.
    if (elsewhere != null
        && (local == null || elsewhere.sink().ordinal() < local.sink().ordinal())) {
      sink = elsewhere.sink();
      for (TraceStep step : elsewhere.flow()) {
        if (!step.location().equals(t.location) && !flow.contains(step)) {
          flow.add(step);
        }
      }
    } else if (local != null) {
      sink = local.sink();
      flow.add(local.at());
    }
    return new OutputUse(sink, flow);
  }

  private static void generator(ClassContext cx, Tracked g) {
    List<GeneratorInitialisation.Generate> generates = new ArrayList<>();
    for (Tracked.Generate gen : g.generates) {
      List<InitState> states = new ArrayList<>();
      for (Object s : gen.states()) {
        states.add(state(cx, s));
      }
      generates.add(new GeneratorInitialisation.Generate(states, gen.at()));
    }
    cx.fact(
        GeneratorInitialisation.fact(
            g.kind == Tracked.Kind.KEY_PAIR_GENERATOR,
            g.location,
            g.algorithm,
            g.bouncyCastle,
            cx.inits.getOrDefault(g, List.of()),
            generates,
            cx.targetJdk));
  }

  private static InitState state(ClassContext cx, Object s) {
    if (s instanceof InitAt init) {
      InitState state = cx.initCalls.get(init.call());
      return state != null ? state : InitState.PRIOR;
    }
    if (s instanceof EscapeAt escape) {
      MethodInsnNode call = (MethodInsnNode) escape.call();
      return InitState.escaped(
          cx.at(call),
          "passed to "
              + (call.name.equals("<init>") ? "a constructor" : call.name + "()")
              + " before use");
    }
    return s == GenState.NONE ? InitState.NONE : InitState.PRIOR;
  }
}
