package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.source.ConstValues.Marker;
import dev.keyaudit.scanner.source.ConstValues.ParamSpec;
import dev.keyaudit.scanner.source.TrackedObject.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Key (pair) generators: {@code getInstance} creates a tracked generator; {@code init}/{@code
 * initialize} set its initialisation state on the current path; {@code generateKey}/{@code
 * generateKeyPair} record which states reach a use. {@link TrackedFacts} turns that history into
 * the fact.
 */
final class GeneratorCalls {

  private final FileContext file;

  GeneratorCalls(FileContext file) {
    this.file = file;
  }

  /** {@code KeyGenerator/KeyPairGenerator.getInstance(algorithm[, provider])}. */
  AbstractValue getInstance(String type, CallSite site) {
    if (site.argCount() < 1) {
      return null;
    }
    Value<String> algorithm =
        site.resolver().stringValue(site.arg(0), site.argumentStep("algorithm"));
    boolean bouncyCastle = site.argCount() == 2 && isBouncyCastle(site.value(1));
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

  /** {@code init}/{@code initialize} and {@code generateKey}/{@code generateKeyPair} calls. */
  AbstractValue call(AbstractValue receiver, String type, String name, CallSite site) {
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
      size = spec.size() == null ? null : FlowResolver.appendStep(spec.size(), step);
      curve = spec.curve() == null ? null : FlowResolver.appendStep(spec.curve(), step);
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
        .anyMatch(r -> r instanceof TrackedObject o && o.kind == Kind.SECURE_RANDOM);
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
    for (Receiver r : value.objects) {
      if (r instanceof TrackedObject o) {
        sources.add(o);
      } else if (r instanceof FieldSlot slot) {
        sources.addAll(slot.field.initializerObjects);
      }
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
        FlowResolver.appendStep(rng.algorithm, step),
        rng.drbgStrength == null ? null : FlowResolver.appendStep(rng.drbgStrength, step),
        rng.drbgCapability == null ? null : FlowResolver.appendStep(rng.drbgCapability, step));
  }
}
