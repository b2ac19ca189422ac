package dev.keyaudit.scanner.jca;

import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.LibraryObjects.Created;
import dev.keyaudit.scanner.resolve.LibraryObjects.Drawn;
import dev.keyaudit.scanner.resolve.MethodRef;
import dev.keyaudit.scanner.resolve.ProjectResolver;
import dev.keyaudit.scanner.resolve.Resolved;
import dev.keyaudit.scanner.resolve.Summaries.CallSiteSummary;
import dev.keyaudit.scanner.resolve.Summaries.FieldSummary;
import dev.keyaudit.scanner.resolve.Summaries.MethodSummary;
import dev.keyaudit.scanner.resolve.Summaries.TypeSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Where the output of each random generator ends up across the whole project: asked of the engine
 * once, after phase one, for the sinks only (key-spec, IV, salt and password arguments, {@code
 * setSeed}, calls, methods and fields named for a secret, and a key generator's {@code init(rng)},
 * whose output is key material). The rules judge a {@code java.util.Random} (KA201) and a
 * deterministic SHA1PRNG (KA202) by it. A generator created in one class and drawn from in a helper
 * that another class feeds into {@code SecretKeySpec} is found here; what one method shows on its
 * own is still found by the frontend's own tracer.
 */
public final class RandomOutputSinks {

  /** The most telling sink a generator's output reaches, and the path there from the creation. */
  public record Sink(RandomSink sink, List<TraceStep> flow, boolean byName) {
    public Sink {
      flow = List.copyOf(flow);
    }

    /** A more sensitive sink; for the same sink, an API argument over a name. */
    boolean moreTellingThan(Sink other) {
      if (sink != other.sink) {
        return sink.ordinal() < other.sink.ordinal();
      }
      return other.byName && !byName;
    }
  }

  /**
   * Where init(rng) means key generation. A receiver of unwritten type is left out: every cipher
   * and engine has an init(…, params) whose resolution would cost more than it finds.
   */
  private static final java.util.Set<String> KEY_GENERATORS =
      java.util.Set.of(JcaApi.KEY_GENERATOR, JcaApi.KEY_PAIR_GENERATOR);

  private final ProjectResolver resolver;

  /** By the creation's end; sorted so the outcome does not depend on the order of files. */
  private final Map<Location, Sink> found = new TreeMap<>(RandomOutputSinks::compare);

  private final Map<String, java.util.Optional<RandomSink>> sinkNames =
      new java.util.concurrent.ConcurrentHashMap<>();

  private RandomOutputSinks(ProjectResolver resolver) {
    this.resolver = resolver;
  }

  /**
   * Maps a list in order, possibly on several threads; how the search spreads its work without
   * depending on the frontend's thread pool.
   */
  @FunctionalInterface
  public interface OrderedMap {
    <T, R> List<R> map(List<T> items, Function<T, R> task);

    OrderedMap SEQUENTIAL =
        new OrderedMap() {
          @Override
          public <T, R> List<R> map(List<T> items, Function<T, R> task) {
            List<R> out = new ArrayList<>(items.size());
            for (T item : items) {
              out.add(task.apply(item));
            }
            return out;
          }
        };
  }

  /** Empty unless the project creates a random generator somewhere. */
  public static Map<Location, Sink> find(ProjectResolver resolver) {
    return find(resolver, OrderedMap.SEQUENTIAL);
  }

  /**
   * As {@link #find(ProjectResolver)}, with each type's sinks resolved by {@code parallel}. The
   * offers are merged in the order of the types, so the outcome is the same for any thread count.
   */
  public static Map<Location, Sink> find(ProjectResolver resolver, OrderedMap parallel) {
    RandomOutputSinks search = new RandomOutputSinks(resolver);
    if (!search.createsRandom()) {
      return Map.of();
    }
    List<List<Offer>> offers = parallel.map(List.copyOf(resolver.index().types()), search::offers);
    for (List<Offer> ofType : offers) {
      for (Offer o : ofType) {
        search.record(o.source(), o.sink());
      }
    }
    return java.util.Collections.unmodifiableMap(search.found);
  }

  /** A sink some generator's output reaches, before it is weighed against the others. */
  private record Offer(Location source, Sink sink) {}

  /** The sinks one type's call sites, methods and fields offer, in the order they are met. */
  private List<Offer> offers(TypeSummary type) {
    List<Offer> out = new ArrayList<>();
    for (CallSiteSummary site : type.callSites()) {
      callSite(site, out);
    }
    for (MethodSummary m : type.methods()) {
      RandomSink named = sinkNamed(m.ref().name());
      if (named != null) {
        TraceStep step = new TraceStep(m.at(), "returned by " + m.ref().name() + "()");
        for (Expr r : m.returns()) {
          reach(resolver.resolve(r), named, step, true, out);
        }
      }
    }
    for (FieldSummary f : type.fields()) {
      RandomSink named = sinkNamed(f.name());
      if (named != null) {
        TraceStep step = new TraceStep(f.at(), "stored in field " + f.name());
        for (Expr a : f.assigned()) {
          reach(resolver.resolve(a), named, step, true, out);
        }
      }
    }
    return out;
  }

  /** The same few names recur across a project's call sites; splitting them once is enough. */
  private RandomSink sinkNamed(String name) {
    return sinkNames
        .computeIfAbsent(name, n -> java.util.Optional.ofNullable(RandomSinkNames.forName(n)))
        .orElse(null);
  }

  private boolean createsRandom() {
    for (TypeSummary type : resolver.index().types()) {
      for (CallSiteSummary site : type.callSites()) {
        MethodRef c = site.callee();
        if (isGenerator(RngObjects.kind(c.owner(), c.name()))) {
          return true;
        }
      }
    }
    return false;
  }

  private void callSite(CallSiteSummary site, List<Offer> out) {
    MethodRef callee = site.callee();
    String owner = callee.owner();
    int n = site.args().size();
    switch (callee.name()) {
      case "<init>" -> {
        switch (owner) {
          case JcaApi.SECRET_KEY_SPEC -> arg(site, 0, RandomSink.KEY_MATERIAL, "key material", out);
          case JcaApi.IV_PARAMETER_SPEC, JcaApi.CHACHA20_PARAMETER_SPEC ->
              arg(site, 0, RandomSink.IV, "IV", out);
          case JcaApi.GCM_PARAMETER_SPEC -> arg(site, 1, RandomSink.IV, "IV", out);
          case JcaApi.PBE_KEY_SPEC -> {
            arg(site, 0, RandomSink.PASSWORD, "password", out);
            if (n >= 3) {
              arg(site, 1, RandomSink.SALT, "salt", out);
            }
          }
          case JcaApi.PBE_PARAMETER_SPEC -> arg(site, 0, RandomSink.SALT, "salt", out);
          case JcaApi.SECURE_RANDOM, JcaApi.RANDOM -> arg(site, 0, RandomSink.SEED, "seed", out);
          default -> {}
        }
      }
      case "setSeed" -> arg(site, 0, RandomSink.SEED, "seed", out);
      case "init", "initialize" -> {
        // KeyGenerator.init(rng) / init(size, rng), KeyPairGenerator.initialize(size, rng): the
        // generator's output becomes key material. Longer init calls (Cipher) are not key
        // generation.
        if (n >= 1 && n <= 2 && KEY_GENERATORS.contains(owner)) {
          generatorInit(site, out);
        }
      }
      default -> {
        RandomSink named = sinkNamed(callee.name());
        if (named != null) {
          for (int i = 0; i < n; i++) {
            TraceStep step = new TraceStep(site.at(), "passed to " + callee.name() + "()");
            reach(resolver.resolve(site.args().get(i)), named, step, true, out);
          }
        }
      }
    }
  }

  private void arg(CallSiteSummary site, int index, RandomSink sink, String what, List<Offer> out) {
    if (index < site.args().size()) {
      TraceStep step =
          new TraceStep(site.at(), what + " of " + site.callee().simpleOwner() + " (argument)");
      reach(resolver.resolve(site.args().get(index)), sink, step, false, out);
    }
  }

  private void generatorInit(CallSiteSummary site, List<Offer> out) {
    Expr last = site.args().get(site.args().size() - 1);
    TraceStep step =
        new TraceStep(site.at(), "feeds " + site.callee().name() + "() of a key generator");
    for (Resolved.Candidate c : resolver.resolve(last).candidates()) {
      if (c.value() instanceof Created created && isGenerator(RngObjects.kind(created))) {
        out.add(offer(created, c, RandomSink.KEY_MATERIAL, step, false));
      }
    }
  }

  private void reach(
      Resolved value, RandomSink sink, TraceStep step, boolean byName, List<Offer> out) {
    for (Resolved.Candidate c : value.candidates()) {
      if (c.value() instanceof Drawn d && isGenerator(RngObjects.kind(d.source()))) {
        out.add(offer(d.source(), c, sink, step, byName));
      }
    }
  }

  private static boolean isGenerator(RngObjects.Kind kind) {
    return kind == RngObjects.Kind.NON_CRYPTO_RANDOM || kind == RngObjects.Kind.SECURE_RANDOM;
  }

  private static Offer offer(
      Created source, Resolved.Candidate c, RandomSink sink, TraceStep step, boolean byName) {
    List<TraceStep> flow = new ArrayList<>(c.trace());
    flow.remove(step);
    flow.add(step);
    return new Offer(source.at(), new Sink(sink, flow, byName));
  }

  private void record(Location source, Sink s) {
    Sink best = found.get(source);
    if (best == null || s.moreTellingThan(best)) {
      found.put(source, s);
    }
  }

  /**
   * By where the creating call ends: a frontend may start a call's location at its receiver or at
   * the method's name ({@code SecureRandom.getInstance(...)}), never elsewhere than its end.
   */
  private static int compare(Location a, Location b) {
    int c = a.path().compareTo(b.path());
    if (c == 0) {
      c = Integer.compare(a.endLine(), b.endLine());
    }
    return c != 0 ? c : Integer.compare(a.endColumn(), b.endColumn());
  }
}
