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

  private RandomOutputSinks(ProjectResolver resolver) {
    this.resolver = resolver;
  }

  /** Empty unless the project creates a random generator somewhere. */
  public static Map<Location, Sink> find(ProjectResolver resolver) {
    RandomOutputSinks search = new RandomOutputSinks(resolver);
    if (!search.createsRandom()) {
      return Map.of();
    }
    for (TypeSummary type : resolver.index().types()) {
      for (CallSiteSummary site : type.callSites()) {
        search.callSite(site);
      }
      for (MethodSummary m : type.methods()) {
        RandomSink named = RandomSinkNames.forName(m.ref().name());
        if (named != null) {
          TraceStep step = new TraceStep(m.at(), "returned by " + m.ref().name() + "()");
          for (Expr r : m.returns()) {
            search.reach(resolver.resolve(r), named, step, true);
          }
        }
      }
      for (FieldSummary f : type.fields()) {
        RandomSink named = RandomSinkNames.forName(f.name());
        if (named != null) {
          TraceStep step = new TraceStep(f.at(), "stored in field " + f.name());
          for (Expr a : f.assigned()) {
            search.reach(resolver.resolve(a), named, step, true);
          }
        }
      }
    }
    return java.util.Collections.unmodifiableMap(search.found);
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

  private void callSite(CallSiteSummary site) {
    MethodRef callee = site.callee();
    String owner = callee.owner();
    int n = site.args().size();
    switch (callee.name()) {
      case "<init>" -> {
        switch (owner) {
          case JcaApi.SECRET_KEY_SPEC -> arg(site, 0, RandomSink.KEY_MATERIAL, "key material");
          case JcaApi.IV_PARAMETER_SPEC, JcaApi.CHACHA20_PARAMETER_SPEC ->
              arg(site, 0, RandomSink.IV, "IV");
          case JcaApi.GCM_PARAMETER_SPEC -> arg(site, 1, RandomSink.IV, "IV");
          case JcaApi.PBE_KEY_SPEC -> {
            arg(site, 0, RandomSink.PASSWORD, "password");
            if (n >= 3) {
              arg(site, 1, RandomSink.SALT, "salt");
            }
          }
          case JcaApi.PBE_PARAMETER_SPEC -> arg(site, 0, RandomSink.SALT, "salt");
          case JcaApi.SECURE_RANDOM, JcaApi.RANDOM -> arg(site, 0, RandomSink.SEED, "seed");
          default -> {}
        }
      }
      case "setSeed" -> arg(site, 0, RandomSink.SEED, "seed");
      case "init", "initialize" -> {
        // KeyGenerator.init(rng) / init(size, rng), KeyPairGenerator.initialize(size, rng): the
        // generator's output becomes key material. Longer init calls (Cipher) are not key
        // generation.
        if (n >= 1 && n <= 2 && KEY_GENERATORS.contains(owner)) {
          generatorInit(site);
        }
      }
      default -> {
        RandomSink named = RandomSinkNames.forName(callee.name());
        if (named != null) {
          for (int i = 0; i < n; i++) {
            TraceStep step = new TraceStep(site.at(), "passed to " + callee.name() + "()");
            reach(resolver.resolve(site.args().get(i)), named, step, true);
          }
        }
      }
    }
  }

  private void arg(CallSiteSummary site, int index, RandomSink sink, String what) {
    if (index < site.args().size()) {
      TraceStep step =
          new TraceStep(site.at(), what + " of " + site.callee().simpleOwner() + " (argument)");
      reach(resolver.resolve(site.args().get(index)), sink, step, false);
    }
  }

  private void generatorInit(CallSiteSummary site) {
    Expr last = site.args().get(site.args().size() - 1);
    TraceStep step =
        new TraceStep(site.at(), "feeds " + site.callee().name() + "() of a key generator");
    for (Resolved.Candidate c : resolver.resolve(last).candidates()) {
      if (c.value() instanceof Created created && isGenerator(RngObjects.kind(created))) {
        record(created, c, RandomSink.KEY_MATERIAL, step, false);
      }
    }
  }

  private void reach(Resolved value, RandomSink sink, TraceStep step, boolean byName) {
    for (Resolved.Candidate c : value.candidates()) {
      if (c.value() instanceof Drawn d && isGenerator(RngObjects.kind(d.source()))) {
        record(d.source(), c, sink, step, byName);
      }
    }
  }

  private static boolean isGenerator(RngObjects.Kind kind) {
    return kind == RngObjects.Kind.NON_CRYPTO_RANDOM || kind == RngObjects.Kind.SECURE_RANDOM;
  }

  private void record(
      Created source, Resolved.Candidate c, RandomSink sink, TraceStep step, boolean byName) {
    List<TraceStep> flow = new ArrayList<>(c.trace());
    flow.remove(step);
    flow.add(step);
    Sink s = new Sink(sink, flow, byName);
    Sink best = found.get(source.at());
    if (best == null || s.moreTellingThan(best)) {
      found.put(source.at(), s);
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
