package dev.keyaudit.scanner.jca;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.jca.JdkDefaults;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns what a frontend saw of one key (pair) generator — its {@code init}/{@code initialize} calls
 * and the initialisation states reaching each generate call — into its KeyGeneration or
 * KeyPairGeneration fact. Shared by the source and bytecode frontends so both fold paths the same
 * way: only the initialisation that reaches a generate call counts, no call means the provider
 * default of the target JDK, a generator handed to unseen code is unknown.
 */
public final class GeneratorInitialisation {

  /** A generate call and the initialisation states that may reach it. */
  public record Generate(List<InitState> states, Location at) {}

  /** An initialisation state as it reached a generate call ({@code at}: that call, or null). */
  private record PathState(InitState state, Location generateAt) {}

  private GeneratorInitialisation() {}

  public static Fact fact(
      boolean keyPair,
      Location location,
      Value<String> algorithm,
      boolean bouncyCastle,
      List<InitState> inits,
      List<Generate> generates,
      int targetJdk) {
    List<PathState> paths = new ArrayList<>();
    for (Generate g : generates) {
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
    Initialisation result = new Initialisation(keyPair, algorithm, bouncyCastle, targetJdk);
    paths.forEach(result::add);
    if (!keyPair) {
      return new KeyGeneration(location, algorithm, result.size(), result.rng());
    }
    return new KeyPairGeneration(location, algorithm, result.size(), result.curve(), result.rng());
  }

  /** Folds the initialisation states that reach a generator's use into its fact's values. */
  private static final class Initialisation {
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

    Initialisation(
        boolean keyPair, Value<String> algorithmValue, boolean bouncyCastle, int targetJdk) {
      this.call = keyPair ? "initialize()" : "init()";
      Optional<String> algorithm = algorithmValue.knownValue();
      this.defaultSource = JdkDefaults.describe(targetJdk, bouncyCastle);
      this.defaultSize =
          algorithm
              .map(a -> JdkDefaults.keySize(a, targetJdk, bouncyCastle))
              .orElse(OptionalInt.empty());
      this.defaultCurve =
          keyPair
              ? algorithm.flatMap(a -> JdkDefaults.curve(a, targetJdk, bouncyCastle))
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
  public static RngSpec unknownRng(String why) {
    return new RngSpec(true, Value.unknown(why), Value.unknown(why), Value.unknown(why));
  }
}
