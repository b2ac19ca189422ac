package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.facts.NonCryptoRandomUse;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.jca.JdkDefaults;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.source.TrackedObject.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Turns the history of every tracked object into facts once the whole file was walked: its own
 * calls plus the calls made through the fields it was stored in. A generator becomes one
 * KeyGeneration / KeyPairGeneration; a non-cryptographic source one NonCryptoRandomUse; every
 * {@code setSeed} one RngSeeding.
 */
final class TrackedFacts {

  /** An initialisation state as it reached a generate call ({@code at}: that call, or null). */
  private record PathState(InitState state, Location generateAt) {}

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
        case SECURE_RANDOM -> facts.seeds(history, secureRandomType(o));
        case NON_CRYPTO_RANDOM -> {
          facts.nonCrypto(o, history);
          facts.seeds(history, o.api);
        }
      }
    }
    // Fields seeded in this file but filled elsewhere (injected): the seeding still counts.
    for (FieldInfo field : file.fields()) {
      if (field.assigned.isEmpty() && field.type != null) {
        String type =
            field.type.equals(JcaApi.RANDOM) ? "java.util.Random" : JcaApi.simpleName(field.type);
        facts.seeds(List.of(field.slot), type);
      }
    }
  }

  private static String secureRandomType(TrackedObject o) {
    return o.algorithm.knownValue().orElse("SecureRandom");
  }

  private void seeds(List<Receiver> history, String rngType) {
    for (Receiver r : history) {
      for (Receiver.SeedEvent seed : r.seeds) {
        if (seeded.add(seed.at())) {
          file.fact(
              new RngSeeding(seed.at(), seed.api(), rngType, seed.seed(), seed.beforeFirstUse()));
        }
      }
    }
  }

  private void nonCrypto(TrackedObject o, List<Receiver> history) {
    Receiver.SinkEvent best = null;
    for (Receiver r : history) {
      for (Receiver.SinkEvent sink : r.sinks) {
        if (best == null || moreTelling(sink, best)) {
          best = sink;
        }
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
    file.fact(new NonCryptoRandomUse(o.location, o.api, sink, flow));
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
    List<Receiver.GenerateEvent> generates = new ArrayList<>();
    for (Receiver r : history) {
      inits.addAll(r.inits);
      generates.addAll(r.generates);
    }
    List<PathState> paths = new ArrayList<>();
    for (Receiver.GenerateEvent g : generates) {
      for (InitState s : g.states()) {
        if (s.kind() == InitState.Kind.PRIOR) {
          // Initialised in some other method of the class, or not at all.
          if (inits.isEmpty()) {
            paths.add(new PathState(InitState.NONE, g.at()));
          } else {
            inits.forEach(i -> paths.add(new PathState(i, g.at())));
          }
        } else {
          paths.add(new PathState(s, g.at()));
        }
      }
    }
    if (generates.isEmpty()) {
      // Created and initialised here, used elsewhere (returned, stored): the inits tell.
      inits.forEach(i -> paths.add(new PathState(i, null)));
    }
    Initialisation result = new Initialisation(o, file.targetJdk);
    paths.forEach(result::add);
    if (o.kind == Kind.KEY_GENERATOR) {
      file.fact(new KeyGeneration(o.location, o.algorithm, result.size(), result.rng()));
    } else {
      file.fact(
          new KeyPairGeneration(
              o.location, o.algorithm, result.size(), result.curve(), result.rng()));
    }
  }

  /** Folds the initialisation states that reach a generator's use into its fact's values. */
  private static final class Initialisation {
    private final TrackedObject generator;
    private final String call;
    private final String defaultSource;
    private final OptionalInt defaultSize;
    private final Optional<String> defaultCurve;
    private final List<Value.Known<Integer>> sizes = new ArrayList<>();
    private final List<Value.Known<String>> curves = new ArrayList<>();
    private String sizeUnknown;
    private String curveUnknown;
    private boolean seenNone;
    private boolean seenAny;
    private boolean seenInitOrEscape;
    private boolean rngOnlyInit;
    private boolean curveOnly = true;
    private RngSpec rng;

    Initialisation(TrackedObject generator, int targetJdk) {
      this.generator = generator;
      this.call = generator.kind == Kind.KEY_GENERATOR ? "init()" : "initialize()";
      Optional<String> algorithm = generator.algorithm.knownValue();
      this.defaultSource = JdkDefaults.describe(targetJdk, generator.bouncyCastle);
      this.defaultSize =
          algorithm
              .map(a -> JdkDefaults.keySize(a, targetJdk, generator.bouncyCastle))
              .orElse(OptionalInt.empty());
      this.defaultCurve =
          generator.kind == Kind.KEY_PAIR_GENERATOR
              ? algorithm.flatMap(a -> JdkDefaults.curve(a, targetJdk, generator.bouncyCastle))
              : Optional.empty();
    }

    void add(PathState path) {
      seenAny = true;
      InitState s = path.state();
      switch (s.kind()) {
        case NONE -> {
          defaultPath(path.generateAt());
          rng = RngSpec.notSpecified();
        }
        case ESCAPED -> {
          seenInitOrEscape = true;
          sizeUnknown = firstNonNull(sizeUnknown, s.why());
          curveUnknown = firstNonNull(curveUnknown, s.why());
          curveOnly = false;
          if (rng == null) {
            rng = unknownRng(s.why());
          }
        }
        case INIT -> {
          // The weakest RNG choice counts: one path without a SecureRandom is enough.
          if (rng == null || rng.specified()) {
            rng = s.rng();
          }
          if (s.size() == null && s.curve() == null) {
            // init(SecureRandom) only: the provider default size still applies.
            rngOnlyInit = true;
            defaultPath(s.at());
            break;
          }
          seenInitOrEscape = true;
          if (s.size() != null) {
            curveOnly = false;
            collect(s.size(), sizes, u -> sizeUnknown = firstNonNull(sizeUnknown, u));
          }
          if (s.curve() != null) {
            collect(s.curve(), curves, u -> curveUnknown = firstNonNull(curveUnknown, u));
          }
        }
        case PRIOR -> throw new IllegalStateException("PRIOR is resolved before folding");
      }
    }

    /** A path on which no size or curve was set: the default, traced to {@code at} if known. */
    private void defaultPath(Location at) {
      seenNone = true;
      if (at != null) {
        TraceStep step = new TraceStep(at, "no key size set by " + call + " on this path");
        defaultSize.ifPresent(v -> addKnown(sizes, Value.known(v, step)));
        defaultCurve.ifPresent(v -> addKnown(curves, Value.known(v, step)));
      }
    }

    private String defaultWhy() {
      return (rngOnlyInit ? call + " without a key size: " : "no " + call + " call: ")
          + defaultSource;
    }

    /** Every path reaching a use had no init call: the provider default applies as such. */
    private boolean onlyNone() {
      return seenNone && !seenInitOrEscape;
    }

    Value<Integer> size() {
      if (!seenAny) {
        return Value.unknown("initialised elsewhere");
      }
      if (onlyNone()) {
        return Value.providerDefault(
            defaultSize.isPresent() ? defaultSize.getAsInt() : null, defaultWhy());
      }
      if (!sizes.isEmpty()) {
        return Value.oneOf(sizes);
      }
      if (sizeUnknown != null) {
        return Value.unknown(sizeUnknown);
      }
      return Value.unknown(curveOnly ? "set by the named curve or parameter set" : "not known");
    }

    Value<String> curve() {
      if (!seenAny) {
        return defaultCurve.isPresent() ? Value.unknown("initialised elsewhere") : null;
      }
      if (onlyNone()) {
        return defaultCurve
            .<Value<String>>map(c -> Value.providerDefault(c, defaultWhy()))
            .orElse(null);
      }
      if (!curves.isEmpty()) {
        return Value.oneOf(curves);
      }
      if (curveUnknown != null) {
        return Value.unknown(curveUnknown);
      }
      return null; // initialised by size: the evaluator derives the curve
    }

    RngSpec rng() {
      if (rng == null) {
        return unknownRng("initialised elsewhere");
      }
      return rng;
    }

    private static <T> void collect(
        Value<T> value, List<Value.Known<T>> into, java.util.function.Consumer<String> unknown) {
      if (value instanceof Value.Unknown<T> u) {
        unknown.accept(u.why());
        return;
      }
      if (value instanceof Value.Default<T> d) {
        unknown.accept(d.why());
        return;
      }
      value.candidates().forEach(k -> addKnown(into, k));
    }

    private static <T> void addKnown(List<Value.Known<T>> into, Value.Known<T> k) {
      if (!into.contains(k)) {
        into.add(k);
      }
    }

    private static String firstNonNull(String a, String b) {
      return a != null ? a : b;
    }
  }

  /** The RNG of a generator whose initialisation the frontend did not see. */
  static RngSpec unknownRng(String why) {
    return new RngSpec(true, Value.unknown(why), Value.unknown(why), Value.unknown(why));
  }
}
