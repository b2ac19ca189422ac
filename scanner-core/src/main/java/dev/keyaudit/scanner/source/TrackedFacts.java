package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.jca.GeneratorInitialisation;
import dev.keyaudit.scanner.jca.InitState;
import dev.keyaudit.scanner.jca.JcaApi;
import dev.keyaudit.scanner.jca.RandomOutputSinks;
import dev.keyaudit.scanner.source.TrackedObject.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the history of every tracked object into facts once the whole file was walked: its own
 * calls plus the calls made through the fields it was stored in. A generator becomes one
 * KeyGeneration / KeyPairGeneration; a non-cryptographic source one NonCryptoRandomUse; every
 * {@code setSeed} one RngSeeding.
 */
final class TrackedFacts {

  private final FileContext file;
  private final Set<Location> seeded = new HashSet<>();

  private TrackedFacts(FileContext file) {
    this.file = file;
  }

  static void emit(FileContext file) {
    TrackedFacts facts = new TrackedFacts(file);
    for (TrackedObject o : file.tracked()) {
      List<Receiver> history = new ArrayList<>();
      history.add(o);
      o.storedIn.forEach(f -> history.add(f.slot));
      switch (o.kind) {
        case KEY_GENERATOR, KEY_PAIR_GENERATOR -> facts.generator(o, history);
        case SECURE_RANDOM -> facts.seeds(history, secureRandomType(o), facts.use(o, history));
        case NON_CRYPTO_RANDOM -> {
          OutputUse use = facts.use(o, history);
          facts.nonCrypto(o, use);
          facts.seeds(history, o.api, use);
        }
      }
    }
    // Fields seeded in this file but filled elsewhere (injected): the seeding still counts.
    for (FieldInfo field : file.fields()) {
      if (field.assigned.isEmpty() && field.type != null) {
        String type =
            field.type.equals(JcaApi.RANDOM) ? "java.util.Random" : JcaApi.simpleName(field.type);
        facts.seeds(List.of(field.slot), type, null);
      }
    }
  }

  private static String secureRandomType(TrackedObject o) {
    return o.algorithm.knownValue().orElse("SecureRandom");
  }

  /** Where a generator's output ends up and the path there from its creation. */
  private record OutputUse(RandomSink sink, List<TraceStep> flow) {}

  /**
   * @param use null when the generator's output was not followed (a field filled elsewhere)
   */
  private void seeds(List<Receiver> history, String rngType, OutputUse use) {
    for (Receiver r : history) {
      for (Receiver.SeedEvent seed : r.seeds) {
        if (seeded.add(seed.at())) {
          file.fact(
              new RngSeeding(
                  seed.at(),
                  seed.api(),
                  rngType,
                  seed.seed(),
                  seed.beforeFirstUse(),
                  use == null ? null : use.sink(),
                  use == null ? List.of() : use.flow()));
        }
      }
    }
  }

  private void nonCrypto(TrackedObject o, OutputUse use) {
    file.fact(new NonCryptoRandomUse(o.location, o.api, use.sink(), use.flow()));
  }

  /**
   * The most telling sink the object's output reaches: in this file (the flow walk's tracer) or
   * anywhere in the project (the engine's search); OTHER when none.
   */
  private OutputUse use(TrackedObject o, List<Receiver> history) {
    Receiver.SinkEvent best = null;
    for (Receiver r : history) {
      for (Receiver.SinkEvent sink : r.sinks) {
        if (best == null || moreTelling(sink, best)) {
          best = sink;
        }
      }
    }
    RandomOutputSinks.Sink elsewhere =
        file.project == null ? null : file.project.randomSink(o.location);
    if (elsewhere != null) {
      Receiver.SinkEvent e =
          new Receiver.SinkEvent(
              elsewhere.sink(), fromCreation(o, elsewhere.flow()), elsewhere.byName());
      if (best == null || moreTelling(e, best)) {
        best = e;
      }
    }
    List<TraceStep> flow = new ArrayList<>();
    flow.add(o.creationStep());
    RandomSink sink = RandomSink.OTHER;
    if (best != null) {
      sink = best.sink();
      for (TraceStep step : best.flow()) {
        if (!flow.contains(step)) {
          flow.add(step);
        }
      }
    }
    return new OutputUse(sink, flow);
  }

  /** The engine's path without its own creation step (the fact's flow starts with one). */
  private static List<TraceStep> fromCreation(TrackedObject o, List<TraceStep> flow) {
    return flow.stream().filter(s -> !s.location().equals(o.location)).toList();
  }

  /** A more sensitive sink; for the same sink, an API argument over a name. */
  private static boolean moreTelling(Receiver.SinkEvent a, Receiver.SinkEvent b) {
    if (a.sink() != b.sink()) {
      return a.sink().ordinal() < b.sink().ordinal();
    }
    return b.byName() && !a.byName();
  }

  // ---- generators ---------------------------------------------------------------------------

  private void generator(TrackedObject o, List<Receiver> history) {
    List<InitState> inits = new ArrayList<>();
    List<GeneratorInitialisation.Generate> generates = new ArrayList<>();
    for (Receiver r : history) {
      inits.addAll(r.inits);
      r.generates.forEach(
          g -> generates.add(new GeneratorInitialisation.Generate(g.states(), g.at())));
    }
    file.fact(
        GeneratorInitialisation.fact(
            o.kind == Kind.KEY_PAIR_GENERATOR,
            o.location,
            o.algorithm,
            o.bouncyCastle,
            inits,
            generates,
            file.targetJdk));
  }

  /** The RNG of a generator whose initialisation the frontend did not see. */
  static RngSpec unknownRng(String why) {
    return GeneratorInitialisation.unknownRng(why);
  }
}
