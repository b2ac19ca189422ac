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
          cx.fact(
              new SecureRandomCreation(
                  t.location, t.api, t.algorithm, t.drbgStrength, t.drbgCapability));
          seeds(cx, t, t.algorithm.knownValue().orElse("SecureRandom"));
        }
        case NON_CRYPTO_RANDOM -> {
          nonCrypto(cx, t);
          seeds(cx, t, t.api);
        }
      }
    }
  }

  private static void seeds(ClassContext cx, Tracked t, String rngType) {
    for (Tracked.Seed s : t.seeds) {
      cx.fact(new RngSeeding(s.at(), s.api(), rngType, s.seed(), s.beforeFirstUse()));
    }
  }

  private static void nonCrypto(ClassContext cx, Tracked t) {
    Tracked.Sink best = null;
    for (Tracked.Sink s : t.sinks) {
      if (best == null || s.sink().ordinal() < best.sink().ordinal()) {
        best = s;
      }
    }
    List<TraceStep> flow = new ArrayList<>();
    flow.add(t.creationStep());
    RandomSink sink = RandomSink.OTHER;
    if (best != null) {
      sink = best.sink();
      flow.add(best.at());
    }
    cx.fact(new NonCryptoRandomUse(t.location, t.api, sink, flow));
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
