package dev.keyaudit.scanner.jca;

import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.jca.ConstValues.DrbgSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@code SecureRandom.getInstance(...)} / {@code getInstanceStrong()} call asks for: the
 * algorithm and, for a DRBG, its strength and capability — given explicitly by {@code
 * DrbgParameters}, left to the {@code securerandom.drbg.config} default, or unknown. Shared by the
 * source and bytecode frontends so both read a request the same way.
 *
 * @param drbgStrength null when the request is not for a DRBG
 * @param drbgCapability null when the request is not for a DRBG
 */
public record SecureRandomRequest(
    Value<String> algorithm, Value<Integer> drbgStrength, Value<String> drbgCapability) {

  /** {@code getInstanceStrong()}: the platform's strong algorithm. */
  public static SecureRandomRequest strong() {
    return new SecureRandomRequest(
        Value.providerDefault(
            null,
            "getInstanceStrong(): securerandom.strongAlgorithms (NativePRNGBlocking on Linux"
                + " and macOS)"),
        null,
        null);
  }

  /**
   * {@code getInstance(algorithm[, params][, provider])}.
   *
   * @param params the DrbgParameters passed, or null
   * @param paramsUnknown something other than a provider was passed second and is not known
   * @param paramStep the step ending the traces of values taken from {@code params}
   */
  public static SecureRandomRequest of(
      Value<String> algorithm, DrbgSpec params, boolean paramsUnknown, TraceStep paramStep) {
    boolean drbg = algorithm.knownValue().map(a -> a.equalsIgnoreCase("DRBG")).orElse(false);
    boolean notDrbg =
        algorithm.candidates().stream().noneMatch(k -> k.value().equalsIgnoreCase("DRBG"))
            && !(algorithm instanceof Value.Unknown);
    Value<Integer> strength;
    Value<String> capability;
    if (params != null) {
      strength = appendStep(params.strength(), paramStep);
      capability = appendStep(params.capability(), paramStep);
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
      String why = algorithm instanceof Value.Unknown<String> u ? u.why() : "algorithm not known";
      strength = Value.unknown(why);
      capability = Value.unknown(why);
    }
    return new SecureRandomRequest(algorithm, strength, capability);
  }

  /** {@code value} with {@code step} appended to every trace; unchanged for a null step. */
  public static <T> Value<T> appendStep(Value<T> value, TraceStep step) {
    if (step == null) {
      return value;
    }
    if (value instanceof Value.Known<T> k) {
      return withStep(k, step);
    }
    if (value instanceof Value.OneOf<T> o) {
      return Value.oneOf(o.branches().stream().map(b -> withStep(b, step)).toList());
    }
    return value;
  }

  private static <T> Value.Known<T> withStep(Value.Known<T> k, TraceStep step) {
    List<TraceStep> trace = new ArrayList<>(k.trace());
    trace.add(step);
    return Value.known(k.value(), trace);
  }
}
