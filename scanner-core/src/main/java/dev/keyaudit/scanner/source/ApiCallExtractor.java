package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.AlgorithmUse;
import dev.keyaudit.rules.facts.KeyDerivation;
import dev.keyaudit.rules.facts.KeyPassword;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.facts.SecretKeyConstruction;
import dev.keyaudit.rules.facts.SecureRandomCreation;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.jca.ConstValues;
import dev.keyaudit.scanner.jca.ConstValues.Bytes;
import dev.keyaudit.scanner.jca.ConstValues.DrbgSpec;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import dev.keyaudit.scanner.jca.ConstValues.ParamSpec;
import dev.keyaudit.scanner.jca.InitState;
import dev.keyaudit.scanner.jca.JcaApi;
import dev.keyaudit.scanner.jca.RandomOutputSinks;
import dev.keyaudit.scanner.jca.RngObjects;
import dev.keyaudit.scanner.jca.RngSpecs;
import dev.keyaudit.scanner.jca.SecureRandomRequest;
import dev.keyaudit.scanner.resolve.LibraryObjects;
import dev.keyaudit.scanner.source.TrackedObject.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Which crypto API call becomes which fact or tracked object. Values come only through the call's
 * {@link ExpressionResolver}; flow state (how a generator was initialised, whether a random source
 * was drawn from) through the call's {@link Env}. Returns the call's value, or null when the call
 * is not one it handles.
 */
final class ApiCallExtractor {

  private static final String DEFAULT_SECURE_RANDOM =
      "new SecureRandom(): platform default (NativePRNG on Linux and macOS, DRBG on Windows)";

  private final FileContext file;

  ApiCallExtractor(FileContext file) {
    this.file = file;
  }

  // ---- static calls -------------------------------------------------------------------------

  AbstractValue staticCall(String type, String name, CallSite site) {
    if (JcaApi.ALGORITHM_ENGINES.contains(type) && name.equals("getInstance")) {
      return algorithmUse(type, site);
    }
    return switch (type) {
      case JcaApi.KEY_GENERATOR, JcaApi.KEY_PAIR_GENERATOR ->
          name.equals("getInstance") ? generator(type, site) : null;
      case JcaApi.SECURE_RANDOM -> secureRandomFactory(name, site);
      case JcaApi.KEY_STORE -> keyStoreFactory(name, site);
      case JcaApi.KEY_MANAGER_FACTORY ->
          name.equals("getInstance")
              ? AbstractValue.unknown("KeyManagerFactory").withType(type)
              : null;
      case JcaApi.THREAD_LOCAL_RANDOM ->
          name.equals("current")
              ? nonCryptoObject("java.util.concurrent.ThreadLocalRandom", site)
              : null;
      case JcaApi.MATH, JcaApi.STRICT_MATH ->
          name.equals("random") ? nonCryptoDraw(JcaApi.simpleName(type) + ".random()", site) : null;
      default -> JcaApi.isNonCryptoRandomUtility(type) ? commonsRandom(type, name, site) : null;
    };
  }

  private AbstractValue algorithmUse(String type, CallSite site) {
    if (site.argCount() < 1) {
      return null;
    }
    String api = JcaApi.simpleName(type);
    Value<String> algorithm =
        site.resolver().stringValue(site.arg(0), site.argumentStep("algorithm"));
    file.fact(new AlgorithmUse(site.location(), api, algorithm));
    return AbstractValue.unknown("result of " + api + ".getInstance").withType(type);
  }

  private AbstractValue generator(String type, CallSite site) {
    if (site.argCount() < 1) {
      return null;
    }
    Value<String> algorithm =
        site.resolver().stringValue(site.arg(0), site.argumentStep("algorithm"));
    boolean bouncyCastle =
        site.argCount() == 2
            ? isBouncyCastle(site.value(1))
            : file.project != null && file.project.bouncyCastleFirst();
    Kind kind = type.equals(JcaApi.KEY_GENERATOR) ? Kind.KEY_GENERATOR : Kind.KEY_PAIR_GENERATOR;
    TrackedObject generator =
        TrackedObject.generator(
            kind, JcaApi.simpleName(type), site.location(), algorithm, bouncyCastle);
    file.track(generator);
    site.env().created(generator);
    return AbstractValue.object(generator, type);
  }

  private static boolean isBouncyCastle(AbstractValue provider) {
    return provider.candidates.stream()
        .anyMatch(
            c ->
                c.value() == Marker.BOUNCY_CASTLE_PROVIDER
                    || (c.value() instanceof String s && (s.equals("BC") || s.equals("BCFIPS"))));
  }

  private AbstractValue secureRandomFactory(String name, CallSite site) {
    if (name.equals("getInstanceStrong") && site.argCount() == 0) {
      return secureRandom("getInstanceStrong", site, SecureRandomRequest.strong());
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
    return secureRandom(
        "getInstance",
        site,
        SecureRandomRequest.of(
            algorithm, params, paramsUnknown, site.argumentStep("DRBG parameters")));
  }

  private static DrbgSpec drbgSpec(AbstractValue value) {
    for (Candidate c : value.candidates) {
      if (c.value() instanceof DrbgSpec d) {
        return d;
      }
    }
    return null;
  }

  /**
   * @param api the SecureRandom method: "getInstance", "getInstanceStrong" or "&lt;init&gt;"; the
   *     fact names the call as written ("SecureRandom.getInstance", "new SecureRandom()")
   */
  private AbstractValue secureRandom(String api, CallSite site, SecureRandomRequest request) {
    return secureRandom(
        api, site, request.algorithm(), request.drbgStrength(), request.drbgCapability());
  }

  private AbstractValue secureRandom(
      String api,
      CallSite site,
      Value<String> algorithm,
      Value<Integer> strength,
      Value<String> capability) {
    String call = api.equals("<init>") ? "new SecureRandom()" : "SecureRandom." + api;
    TrackedObject rng =
        TrackedObject.secureRandom(call, site.location(), algorithm, strength, capability);
    file.track(rng);
    site.env().created(rng);
    RandomOutputSinks.Sink use =
        file.project == null ? null : file.project.randomSink(site.location());
    file.fact(
        new SecureRandomCreation(
            site.location(),
            call,
            algorithm,
            strength,
            capability,
            file.project == null ? null : use == null ? RandomSink.OTHER : use.sink(),
            use == null ? List.of() : use.flow()));
    return AbstractValue.object(rng, JcaApi.SECURE_RANDOM);
  }

  private AbstractValue keyStoreFactory(String name, CallSite site) {
    if (!name.equals("getInstance")) {
      return null;
    }
    if (site.argCount() == 2
        && !site.value(1).candidates.stream().anyMatch(c -> c.value() instanceof String)) {
      password("KeyStore.getInstance", site, 1);
    }
    return AbstractValue.unknown("KeyStore").withType(JcaApi.KEY_STORE);
  }

  private AbstractValue nonCryptoObject(String api, CallSite site) {
    TrackedObject source = TrackedObject.nonCryptoRandom(api, site.location());
    file.track(source);
    site.env().created(source);
    return AbstractValue.object(source, JcaApi.RANDOM);
  }

  /** A call that is both the source and the draw: {@code Math.random()}, commons-lang helpers. */
  private AbstractValue nonCryptoDraw(String api, CallSite site) {
    TrackedObject source = TrackedObject.nonCryptoRandom(api, site.location());
    file.track(source);
    return AbstractValue.unknown("random value from " + api)
        .withTaints(List.of(new AbstractValue.Taint(source, List.of())));
  }

  private AbstractValue commonsRandom(String type, String name, CallSite site) {
    String owner = JcaApi.simpleName(type);
    if (name.equals("insecure") && site.argCount() == 0) {
      return nonCryptoObject(type + ".insecure()", site);
    }
    boolean draw =
        owner.equals("RandomStringUtils") ? name.startsWith("random") : name.startsWith("next");
    return draw ? nonCryptoDraw(type + "." + name, site) : null;
  }

  // ---- instance calls -----------------------------------------------------------------------

  AbstractValue instanceCall(AbstractValue receiver, String name, CallSite site) {
    String type = receiverType(receiver);
    if (type == null) {
      return null;
    }
    return switch (type) {
      case JcaApi.KEY_GENERATOR, JcaApi.KEY_PAIR_GENERATOR ->
          generatorCall(receiver, type, name, site);
      case JcaApi.SECURE_RANDOM,
          JcaApi.RANDOM,
          JcaApi.SPLITTABLE_RANDOM,
          JcaApi.THREAD_LOCAL_RANDOM ->
          randomCall(receiver, name, site);
      case JcaApi.KEY_STORE -> keyStoreCall(name, site);
      case JcaApi.KEY_MANAGER_FACTORY -> {
        if (name.equals("init") && site.argCount() == 2) {
          password("KeyManagerFactory.init", site, 1);
          yield AbstractValue.nothing();
        }
        yield null;
      }
      default -> null;
    };
  }

  /** The API type calls on this receiver go to: a tracked object's kind, else the static type. */
  private static String receiverType(AbstractValue receiver) {
    for (Receiver r : receiver.objects) {
      if (r instanceof TrackedObject o) {
        return switch (o.kind) {
          case KEY_GENERATOR -> JcaApi.KEY_GENERATOR;
          case KEY_PAIR_GENERATOR -> JcaApi.KEY_PAIR_GENERATOR;
          case SECURE_RANDOM -> JcaApi.SECURE_RANDOM;
          case NON_CRYPTO_RANDOM -> JcaApi.RANDOM;
        };
      }
    }
    return receiver.type;
  }

  private AbstractValue generatorCall(
      AbstractValue receiver, String type, String name, CallSite site) {
    String simple = JcaApi.simpleName(type);
    boolean initName =
        type.equals(JcaApi.KEY_GENERATOR) ? name.equals("init") : name.equals("initialize");
    if (initName && site.argCount() >= 1 && site.argCount() <= 2) {
      InitState state = initState(simple + "." + name, site);
      for (Receiver r : receiver.objects) {
        site.env().setInitState(r, state);
        r.inits.add(state);
      }
      return AbstractValue.nothing();
    }
    if (name.equals("generateKey") || name.equals("generateKeyPair") || name.equals("genKeyPair")) {
      for (Receiver r : receiver.objects) {
        r.generates.add(new Receiver.GenerateEvent(site.env().initStates(r), site.location()));
      }
      return AbstractValue.unknown("generated key");
    }
    return null;
  }

  private InitState initState(String callee, CallSite site) {
    AbstractValue first = site.value(0);
    Value<Integer> size = null;
    Value<String> curve = null;
    RngSpec rng = RngSpec.notSpecified();
    int rngArg = -1;
    ParamSpec spec = paramSpec(first);
    if (spec != null) {
      TraceStep step = site.argumentStep("parameter spec");
      size = spec.size() == null ? null : SecureRandomRequest.appendStep(spec.size(), step);
      curve = spec.curve() == null ? null : SecureRandomRequest.appendStep(spec.curve(), step);
      rngArg = site.argCount() == 2 ? 1 : -1;
    } else if (site.argCount() == 1 && isRandomSource(first)) {
      rngArg = 0;
    } else if (isSizeArgument(first)) {
      size = site.resolver().intValue(site.arg(0), site.argumentStep("key size"));
      rngArg = site.argCount() == 2 ? 1 : -1;
    } else {
      // An AlgorithmParameterSpec the frontend cannot see into.
      String why = first.unknownOr("parameter spec not known");
      size = Value.unknown(why);
      curve = Value.unknown(why);
      rngArg = site.argCount() == 2 ? 1 : -1;
    }
    if (rngArg >= 0) {
      rng = rngSpec(site.value(rngArg), site.argumentStep("SecureRandom"));
    }
    return InitState.init(size, curve, rng, site.location());
  }

  private static ParamSpec paramSpec(AbstractValue value) {
    for (Candidate c : value.candidates) {
      if (c.value() instanceof ParamSpec p) {
        return p;
      }
    }
    return null;
  }

  private static boolean isRandomSource(AbstractValue value) {
    if (JcaApi.SECURE_RANDOM.equals(value.type) || JcaApi.RANDOM.equals(value.type)) {
      return true;
    }
    return value.objects.stream()
            .anyMatch(r -> r instanceof TrackedObject o && o.kind == Kind.SECURE_RANDOM)
        || value.candidates.stream()
            .anyMatch(
                c ->
                    c.value() instanceof LibraryObjects.Created created
                        && RngObjects.kind(created) == RngObjects.Kind.SECURE_RANDOM);
  }

  private static boolean isSizeArgument(AbstractValue value) {
    if (TypeNames.isIntegral(value.type)) {
      return true;
    }
    return value.candidates.stream().anyMatch(c -> ConstantFolding.asInt(c.value()) != null)
        || (value.type == null && value.objects.isEmpty());
  }

  /** The SecureRandom handed to a generator, resolved where it was created in this class. */
  static RngSpec rngSpec(AbstractValue value, TraceStep step) {
    if (value.isNull()) {
      return RngSpec.notSpecified();
    }
    List<TrackedObject> sources = new ArrayList<>();
    List<TrackedObject> initializers = new ArrayList<>();
    for (Receiver r : value.objects) {
      if (r instanceof TrackedObject o) {
        sources.add(o);
      } else if (r instanceof FieldSlot slot) {
        initializers.addAll(slot.field.initializerObjects);
      }
    }
    if (sources.isEmpty()) {
      // Created elsewhere (a field set in a constructor, a caller's argument, a factory): the
      // engine's answer, with its path.
      RngSpec resolved = RngSpecs.of(ProjectValues.toResolved(value), step);
      if (resolved != null) {
        return resolved;
      }
      sources = initializers;
    }
    if (sources.isEmpty()) {
      String why = value.unknownOr("SecureRandom not created in this class");
      return new RngSpec(true, Value.unknown(why), Value.unknown(why), Value.unknown(why));
    }
    TrackedObject rng = sources.get(0);
    if (rng.kind != Kind.SECURE_RANDOM) {
      Value<String> api = Value.known(rng.api, List.of(rng.creationStep(), step));
      return new RngSpec(true, api, null, null);
    }
    return new RngSpec(
        true,
        SecureRandomRequest.appendStep(rng.algorithm, step),
        rng.drbgStrength == null ? null : SecureRandomRequest.appendStep(rng.drbgStrength, step),
        rng.drbgCapability == null
            ? null
            : SecureRandomRequest.appendStep(rng.drbgCapability, step));
  }

  private AbstractValue randomCall(AbstractValue receiver, String name, CallSite site) {
    if (name.equals("setSeed") && site.argCount() == 1) {
      seed(receiver, "setSeed", site, 0);
      return AbstractValue.nothing();
    }
    if (!RngObjects.isDraw(name)) {
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

  private AbstractValue keyStoreCall(String name, CallSite site) {
    int n = site.argCount();
    switch (name) {
      case "load" -> {
        if (n == 2) {
          password("KeyStore.load", site, 1);
        }
      }
      case "store" -> {
        if (n == 2) {
          password("KeyStore.store", site, 1);
        }
      }
      case "getKey" -> {
        if (n == 2) {
          password("KeyStore.getKey", site, 1);
        }
      }
      case "setKeyEntry" -> {
        if (n == 4) {
          password("KeyStore.setKeyEntry", site, 2);
        }
      }
      default -> {
        return null;
      }
    }
    return AbstractValue.nothing();
  }

  private void password(String api, CallSite site, int arg) {
    if (site.resolver().isNull(site.arg(arg))) {
      return;
    }
    Value<Secret> password =
        site.resolver().secretValue(site.arg(arg), site.argumentStep("password"));
    RandomSinkTracer.reach(site.value(arg), RandomSink.PASSWORD, site.argumentStep("password"));
    file.fact(new KeyPassword(site.location(), api, password));
  }

  // ---- constructors -------------------------------------------------------------------------

  AbstractValue construct(String type, CallSite site) {
    int n = site.argCount();
    switch (type) {
      case JcaApi.SECURE_RANDOM -> {
        if (n > 1) {
          return null;
        }
        AbstractValue rng =
            secureRandom(
                "<init>", site, Value.providerDefault(null, DEFAULT_SECURE_RANDOM), null, null);
        if (n == 1) {
          seed(rng, "new SecureRandom(byte[])", site, 0);
        }
        return rng;
      }
      case JcaApi.RANDOM, JcaApi.SPLITTABLE_RANDOM -> {
        AbstractValue source = nonCryptoObject(type, site);
        if (n == 1) {
          seed(source, "new " + JcaApi.simpleName(type) + "(long)", site, 0);
        }
        return source.withType(type);
      }
      case JcaApi.SECRET_KEY_SPEC -> {
        if (n == 2 || n == 4) {
          Value<Secret> material = keyMaterial(site, n == 4);
          Value<String> algorithm =
              site.resolver().stringValue(site.arg(n - 1), site.argumentStep("algorithm"));
          keySpec("SecretKeySpec", site, algorithm, material);
        }
        return AbstractValue.unknown("SecretKeySpec").withType(type);
      }
      case JcaApi.DES_KEY_SPEC, JcaApi.DESEDE_KEY_SPEC -> {
        if (n >= 1) {
          keySpec(JcaApi.simpleName(type), site, null, keyMaterial(site, false));
        }
        return AbstractValue.unknown(JcaApi.simpleName(type));
      }
      case JcaApi.PKCS8_KEY_SPEC, JcaApi.X509_KEY_SPEC -> {
        if (n >= 1) {
          Value<String> algorithm =
              n == 2
                  ? site.resolver().stringValue(site.arg(1), site.argumentStep("algorithm"))
                  : null;
          keySpec(JcaApi.simpleName(type), site, algorithm, keyMaterial(site, false));
        }
        return AbstractValue.unknown(JcaApi.simpleName(type));
      }
      case JcaApi.RSA_PRIVATE_KEY_SPEC -> {
        return bigIntegerKey(type, site, 1);
      }
      case JcaApi.RSA_PRIVATE_CRT_KEY_SPEC -> {
        return bigIntegerKey(type, site, 2);
      }
      case JcaApi.RSA_PUBLIC_KEY_SPEC, JcaApi.EC_PRIVATE_KEY_SPEC -> {
        return bigIntegerKey(type, site, 0);
      }
      case JcaApi.IV_PARAMETER_SPEC, JcaApi.CHACHA20_PARAMETER_SPEC -> {
        if (n >= 1) {
          RandomSinkTracer.reach(site.value(0), RandomSink.IV, site.argumentStep("IV"));
        }
        return AbstractValue.unknown(JcaApi.simpleName(type));
      }
      case JcaApi.GCM_PARAMETER_SPEC -> {
        if (n >= 2) {
          RandomSinkTracer.reach(site.value(1), RandomSink.IV, site.argumentStep("IV"));
        }
        return AbstractValue.unknown("GCMParameterSpec");
      }
      case JcaApi.PBE_KEY_SPEC -> {
        if (n >= 1) {
          password("PBEKeySpec", site, 0);
        }
        if (n >= 3) {
          derivation("PBEKeySpec", site, 1, 2, n == 4 ? 3 : -1);
        }
        return AbstractValue.unknown("PBEKeySpec");
      }
      case JcaApi.PBE_PARAMETER_SPEC -> {
        if (n >= 2) {
          derivation("PBEParameterSpec", site, 0, 1, -1);
        }
        return AbstractValue.unknown("PBEParameterSpec");
      }
      case JcaApi.PASSWORD_PROTECTION -> {
        if (n >= 1) {
          password("KeyStore.PasswordProtection", site, 0);
        }
        return AbstractValue.unknown("PasswordProtection");
      }
      default -> {
        return null;
      }
    }
  }

  private Value<Secret> keyMaterial(CallSite site, boolean sliced) {
    AbstractValue bytes = site.value(0);
    RandomSinkTracer.reach(bytes, RandomSink.KEY_MATERIAL, site.argumentStep("key material"));
    TraceStep step = site.argumentStep("key material");
    if (!sliced) {
      return site.resolver().secretValue(site.arg(0), step);
    }
    Integer offset = site.value(1).single().map(ConstantFolding::asInt).orElse(null);
    Integer length = site.value(2).single().map(ConstantFolding::asInt).orElse(null);
    if (offset == null || length == null) {
      return Value.unknown("offset or length not a constant");
    }
    AbstractValue slice =
        bytes.mapCandidates(
            c -> {
              if (c.value() instanceof Bytes b) {
                Bytes part = b.slice(offset, length);
                return part == null ? null : c.withValue(part);
              }
              return null;
            },
            bytes.unknownOr("not constant bytes"));
    return FlowResolver.toValue(slice, step, ConstValues::secretOf, "not a constant");
  }

  private void keySpec(String api, CallSite site, Value<String> algorithm, Value<Secret> material) {
    file.fact(new SecretKeyConstruction(site.location(), api, algorithm, material));
  }

  private AbstractValue bigIntegerKey(String type, CallSite site, int arg) {
    String api = JcaApi.simpleName(type);
    if (site.argCount() > arg) {
      Value<Secret> material =
          site.resolver().secretValue(site.arg(arg), site.argumentStep("key material"));
      keySpec(api, site, null, material);
    }
    return AbstractValue.unknown(api);
  }

  private void derivation(String api, CallSite site, int salt, int iterations, int keyLength) {
    RandomSinkTracer.reach(site.value(salt), RandomSink.SALT, site.argumentStep("salt"));
    Value<Secret> saltValue =
        site.resolver().secretValue(site.arg(salt), site.argumentStep("salt"));
    Value<Integer> count =
        site.resolver().intValue(site.arg(iterations), site.argumentStep("iteration count"));
    Value<Integer> length =
        keyLength < 0
            ? null
            : site.resolver().intValue(site.arg(keyLength), site.argumentStep("key length"));
    file.fact(new KeyDerivation(site.location(), api, saltValue, count, length));
  }
}
