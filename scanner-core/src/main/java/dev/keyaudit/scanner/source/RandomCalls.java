package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.facts.SecureRandomCreation;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.source.ConstValues.DrbgSpec;
import dev.keyaudit.scanner.source.ConstValues.Marker;
import dev.keyaudit.scanner.source.TrackedObject.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Random sources: {@code SecureRandom} creation (a fact at once, and a tracked object), the
 * non-cryptographic sources ({@code java.util.Random}, {@code ThreadLocalRandom}, {@code
 * Math.random()}, commons-lang), draws that make their output flow, and seeding.
 */
final class RandomCalls {

  private static final Set<String> DRAWS =
      Set.of(
          "nextBytes",
          "nextInt",
          "nextLong",
          "nextDouble",
          "nextFloat",
          "nextBoolean",
          "nextGaussian",
          "nextExponential",
          "generateSeed",
          "ints",
          "longs",
          "doubles");

  private static final String DEFAULT_SECURE_RANDOM =
      "new SecureRandom(): platform default (NativePRNG on Linux and macOS, DRBG on Windows)";

  private final FileContext file;

  RandomCalls(FileContext file) {
    this.file = file;
  }

  /** {@code new SecureRandom([seed])}, {@code new Random([seed])}, {@code new SplittableRandom}. */
  AbstractValue construct(String type, CallSite site) {
    int n = site.argCount();
    if (type.equals(JcaApi.SECURE_RANDOM)) {
      if (n > 1) {
        return null;
      }
      AbstractValue rng =
          secureRandom(
              "new SecureRandom()",
              site,
              Value.providerDefault(null, DEFAULT_SECURE_RANDOM),
              null,
              null);
      if (n == 1) {
        seed(rng, "new SecureRandom(byte[])", site, 0);
      }
      return rng;
    }
    AbstractValue source = nonCryptoObject(type, site);
    if (n == 1) {
      seed(source, "new " + JcaApi.simpleName(type) + "(long)", site, 0);
    }
    return source.withType(type);
  }

  /** {@code SecureRandom.getInstance(...)} and {@code getInstanceStrong()}. */
  AbstractValue factory(String name, CallSite site) {
    if (name.equals("getInstanceStrong") && site.argCount() == 0) {
      return secureRandom(
          "SecureRandom.getInstanceStrong",
          site,
          Value.providerDefault(
              null,
              "getInstanceStrong(): securerandom.strongAlgorithms (NativePRNGBlocking on Linux"
                  + " and macOS)"),
          null,
          null);
    }
    if (!name.equals("getInstance") || site.argCount() < 1) {
      return null;
    }
    Value<String> algorithm =
        site.resolver().stringValue(site.arg(0), site.argumentStep("algorithm"));
    DrbgSpec params = null;
    boolean paramsUnknown = false;
    if (site.argCount() >= 2) {
      AbstractValue second = site.value(1);
      params = drbgSpec(second);
      boolean provider =
          site.argCount() == 2
              && second.candidates.stream()
                  .anyMatch(
                      c ->
                          c.value() instanceof String
                              || c.value() == Marker.BOUNCY_CASTLE_PROVIDER);
      // Whatever else is passed second may be parameters the frontend cannot see into.
      paramsUnknown = params == null && !provider;
    }
    Value<Integer> strength;
    Value<String> capability;
    boolean drbg = algorithm.knownValue().map(a -> a.equalsIgnoreCase("DRBG")).orElse(false);
    boolean notDrbg =
        algorithm.candidates().stream().noneMatch(k -> k.value().equalsIgnoreCase("DRBG"))
            && !(algorithm instanceof Value.Unknown);
    TraceStep paramStep = site.argumentStep("DRBG parameters");
    if (params != null) {
      strength = FlowResolver.appendStep(params.strength(), paramStep);
      capability = FlowResolver.appendStep(params.capability(), paramStep);
      // instantiation(-1, ...) asks for the configured default strength.
      if (strength.knownValue().map(s -> s < 0).orElse(false)) {
        strength = Value.providerDefault(128, "DRBG strength -1: securerandom.drbg.config default");
      }
    } else if (paramsUnknown) {
      strength = Value.unknown("DRBG parameters not a constant");
      capability = Value.unknown("DRBG parameters not a constant");
    } else if (drbg) {
      String why =
          "DRBG without DrbgParameters: securerandom.drbg.config default (Hash_DRBG, SHA-256,"
              + " 128 bits, reseed_only)";
      strength = Value.providerDefault(128, why);
      capability = Value.providerDefault("RESEED_ONLY", why);
    } else if (notDrbg) {
      strength = null;
      capability = null;
    } else {
      strength = Value.unknown(algorithmUnknown(algorithm));
      capability = Value.unknown(algorithmUnknown(algorithm));
    }
    return secureRandom("SecureRandom.getInstance", site, algorithm, strength, capability);
  }

  private static DrbgSpec drbgSpec(AbstractValue value) {
    for (Candidate c : value.candidates) {
      if (c.value() instanceof DrbgSpec d) {
        return d;
      }
    }
    return null;
  }

  private static String algorithmUnknown(Value<String> algorithm) {
    return algorithm instanceof Value.Unknown<String> u ? u.why() : "algorithm not known";
  }

  /**
   * @param api the creating call as {@link SecureRandomCreation#api()} documents it, e.g.
   *     "SecureRandom.getInstance" or "new SecureRandom()"
   */
  private AbstractValue secureRandom(
      String api,
      CallSite site,
      Value<String> algorithm,
      Value<Integer> strength,
      Value<String> capability) {
    TrackedObject rng =
        TrackedObject.secureRandom(
            api.equals("<init>") ? "new SecureRandom()" : "SecureRandom." + api,
            site.location(),
            algorithm,
            strength,
            capability);
    file.track(rng);
    site.env().created(rng);
    file.fact(new SecureRandomCreation(site.location(), api, algorithm, strength, capability));
    return AbstractValue.object(rng, JcaApi.SECURE_RANDOM);
  }

  AbstractValue nonCryptoObject(String api, CallSite site) {
    TrackedObject source = TrackedObject.nonCryptoRandom(api, site.location());
    file.track(source);
    site.env().created(source);
    return AbstractValue.object(source, JcaApi.RANDOM);
  }

  /** A call that is both the source and the draw: {@code Math.random()}, commons-lang helpers. */
  AbstractValue nonCryptoDraw(String api, CallSite site) {
    TrackedObject source = TrackedObject.nonCryptoRandom(api, site.location());
    file.track(source);
    return AbstractValue.unknown("random value from " + api)
        .withTaints(List.of(new AbstractValue.Taint(source, List.of())));
  }

  AbstractValue commonsRandom(String type, String name, CallSite site) {
    String owner = JcaApi.simpleName(type);
    if (name.equals("insecure") && site.argCount() == 0) {
      return nonCryptoObject(type + ".insecure()", site);
    }
    boolean draw =
        owner.equals("RandomStringUtils") ? name.startsWith("random") : name.startsWith("next");
    return draw ? nonCryptoDraw(type + "." + name, site) : null;
  }

  /** Calls on a random source: {@code setSeed} and draws. */
  AbstractValue call(AbstractValue receiver, String name, CallSite site) {
    if (name.equals("setSeed") && site.argCount() == 1) {
      seed(receiver, "setSeed", site, 0);
      return AbstractValue.nothing();
    }
    if (!DRAWS.contains(name) && !name.startsWith("next")) {
      return null;
    }
    List<AbstractValue.Taint> taints = new ArrayList<>();
    TraceStep draw = site.step(name + "()");
    for (Receiver r : receiver.objects) {
      site.env().markDrawn(r);
      if (mayBeNonCrypto(r)) {
        taints.add(new AbstractValue.Taint(r, List.of(draw)));
      }
    }
    if (name.equals("nextBytes") && site.argCount() == 1) {
      AbstractValue filled =
          site.value(0)
              .invalidated("filled by " + name + "() at line " + site.location().startLine());
      site.writer().write(site.arg(0), filled.withTaints(taints), site.env());
      return AbstractValue.nothing();
    }
    return AbstractValue.unknown("random value from " + name + "()").withTaints(taints);
  }

  /** Non-crypto source, or a field that may hold one (decided at the end of the file). */
  private static boolean mayBeNonCrypto(Receiver r) {
    if (r instanceof TrackedObject o) {
      return o.kind == Kind.NON_CRYPTO_RANDOM;
    }
    return r instanceof FieldSlot;
  }

  private void seed(AbstractValue receiver, String api, CallSite site, int arg) {
    Value<SeedSource> seed = site.resolver().seedValue(site.arg(arg), site.argumentStep("seed"));
    RandomSinkTracer.reach(site.value(arg), RandomSink.SEED, site.argumentStep("seed"));
    if (receiver.objects.isEmpty()) {
      // Seeding an object created elsewhere: the fact stands on its own.
      String rngType = receiver.type == null ? "SecureRandom" : JcaApi.simpleName(receiver.type);
      if (JcaApi.RANDOM.equals(receiver.type)) {
        rngType = "java.util.Random";
      }
      file.fact(new RngSeeding(site.location(), api, rngType, seed, true));
      return;
    }
    for (Receiver r : receiver.objects) {
      r.seeds.add(new Receiver.SeedEvent(site.location(), api, seed, site.env().undrawn(r)));
    }
  }
}
