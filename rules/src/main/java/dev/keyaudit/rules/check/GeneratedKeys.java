package dev.keyaudit.rules.check;

import dev.keyaudit.rules.facts.Fact;
import dev.keyaudit.rules.facts.KeyGeneration;
import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.rules.jca.Algorithms;
import dev.keyaudit.rules.jca.Curve;
import dev.keyaudit.rules.jca.Curves;
import dev.keyaudit.rules.jca.JcaAlgorithm;
import dev.keyaudit.rules.jca.SecurityStrength;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The keys a generation fact may produce: one {@link Key} per combination of an algorithm candidate
 * and a size or curve candidate, with the curve derived from the size where the provider does (EC
 * 256 → secp256r1, EdDSA 448 → Ed448, BouncyCastle's EC default 239 → prime239v1). What cannot be
 * told is listed in {@link Keys#unknown()}.
 */
final class GeneratedKeys {

  private static final Map<String, Map<Integer, String>> NAMED_BY_SIZE =
      Map.of(
          "EdDSA", Map.of(255, "Ed25519", 448, "Ed448"),
          "XDH", Map.of(255, "X25519", 448, "X448"));

  private GeneratedKeys() {}

  /** One possible key. */
  record Key(
      Candidate<String> algorithmCandidate,
      JcaAlgorithm algorithm,
      Integer bits,
      Curve curve,
      String parameterSet,
      Candidate<?> parameter) {

    OptionalInt strength() {
      if (algorithm.kind() == JcaAlgorithm.Kind.POST_QUANTUM) {
        return SecurityStrength.ofParameterSet(
            Algorithms.lookup(parameterSet).map(JcaAlgorithm::name).orElse(parameterSet));
      }
      return SecurityStrength.of(algorithm, bits, curve);
    }

    /** "RSA 1024-bit", "EC on secp256k1", "ML-KEM-512". */
    String describe() {
      if (curve != null) {
        return curve.name().equals(algorithm.name())
            ? algorithm.name()
            : algorithm.name() + " on " + curve.displayName();
      }
      if (parameterSet != null) {
        return algorithm.kind() == JcaAlgorithm.Kind.POST_QUANTUM
            ? parameterSet
            : algorithm.name() + " on " + parameterSet;
      }
      return bits == null ? algorithm.name() : algorithm.name() + " " + bits + "-bit";
    }

    /** The candidate that decided the size or curve, else the algorithm's. */
    Candidate<?> decidingCandidate() {
      return parameter != null ? parameter : algorithmCandidate;
    }

    Location location(Fact fact) {
      return decidingCandidate().location(fact);
    }

    List<TraceStep> trace() {
      return decidingCandidate().trace();
    }

    boolean fromProviderDefault() {
      return parameter != null && parameter.isProviderDefault();
    }
  }

  /**
   * @param keys every recognised key
   * @param unknown what could not be told, one phrase each ("key size: read from System.getenv")
   */
  record Keys(List<Key> keys, List<String> unknown) {}

  static Optional<Keys> of(Fact fact) {
    if (fact instanceof KeyGeneration g) {
      return Optional.of(symmetric(g.algorithm(), g.keySize()));
    }
    if (fact instanceof KeyPairGeneration p) {
      return Optional.of(asymmetric(p.algorithm(), p.keySize(), p.curve()));
    }
    return Optional.empty();
  }

  /** The RNG spec of a generation fact. */
  static Optional<RngSpec> rng(Fact fact) {
    if (fact instanceof KeyGeneration g) {
      return Optional.ofNullable(g.rng());
    }
    if (fact instanceof KeyPairGeneration p) {
      return Optional.ofNullable(p.rng());
    }
    return Optional.empty();
  }

  /** The algorithm value of a generation fact. */
  static Value<String> algorithm(Fact fact) {
    return fact instanceof KeyGeneration g ? g.algorithm() : ((KeyPairGeneration) fact).algorithm();
  }

  static String api(Fact fact) {
    return fact instanceof KeyGeneration ? "KeyGenerator" : "KeyPairGenerator";
  }

  private static Keys symmetric(Value<String> algorithm, Value<Integer> keySize) {
    List<Key> keys = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    noteUnknown(algorithm, "algorithm", unknown);
    for (Candidate<String> a : Candidate.of(algorithm)) {
      Optional<JcaAlgorithm> alg = Algorithms.lookup(a.value());
      if (alg.isEmpty()) {
        continue;
      }
      List<Candidate<Integer>> sizes = Candidate.of(keySize);
      if (sizes.isEmpty()) {
        if (alg.get().fixedKeyBits() > 0) {
          keys.add(new Key(a, alg.get(), alg.get().fixedKeyBits(), null, null, null));
        } else {
          noteUnknown(keySize, "key size", unknown);
        }
      }
      for (Candidate<Integer> size : sizes) {
        keys.add(new Key(a, alg.get(), size.value(), null, null, size));
      }
    }
    return new Keys(keys, dedupe(unknown));
  }

  private static Keys asymmetric(
      Value<String> algorithm, Value<Integer> keySize, Value<String> curve) {
    List<Key> keys = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    noteUnknown(algorithm, "algorithm", unknown);
    for (Candidate<String> a : Candidate.of(algorithm)) {
      Optional<JcaAlgorithm> found = Algorithms.lookup(a.value());
      if (found.isEmpty()) {
        continue;
      }
      JcaAlgorithm alg = found.get();
      boolean named = alg.usesCurve() || alg.kind() == JcaAlgorithm.Kind.POST_QUANTUM;
      List<Candidate<String>> curves = curve == null ? List.of() : Candidate.of(curve);
      if (named && !curves.isEmpty()) {
        for (Candidate<String> c : curves) {
          Curve known = alg.usesCurve() ? Curves.lookup(c.value()).orElse(null) : null;
          keys.add(new Key(a, alg, known == null ? null : known.orderBits(), known, c.value(), c));
        }
      } else if (named && alg.fixedParameterSet() != null) {
        Curve known = Curves.lookup(alg.fixedParameterSet()).orElse(null);
        keys.add(
            new Key(
                a,
                alg,
                known == null ? null : known.orderBits(),
                known,
                alg.fixedParameterSet(),
                null));
      } else {
        List<Candidate<Integer>> sizes = Candidate.of(keySize);
        if (sizes.isEmpty()) {
          if (curve instanceof Value.Unknown<String>) {
            noteUnknown(curve, "curve", unknown);
          } else {
            noteUnknown(keySize, "key size", unknown);
          }
        }
        for (Candidate<Integer> size : sizes) {
          keys.add(sized(a, alg, size));
        }
      }
    }
    return new Keys(keys, dedupe(unknown));
  }

  private static Key sized(Candidate<String> a, JcaAlgorithm alg, Candidate<Integer> size) {
    if (alg.usesCurve()) {
      Optional<Curve> derived =
          alg.sizeFamily() != null
              ? Curves.forEcKeySize(size.value())
              : Optional.ofNullable(
                      NAMED_BY_SIZE.getOrDefault(alg.name(), Map.of()).get(size.value()))
                  .flatMap(Curves::lookup);
      if (derived.isPresent()) {
        return new Key(a, alg, derived.get().orderBits(), derived.get(), null, size);
      }
    }
    return new Key(a, alg, size.value(), null, null, size);
  }

  private static void noteUnknown(Value<?> value, String what, List<String> unknown) {
    if (value instanceof Value.Unknown<?> u) {
      unknown.add(what + ": " + u.why());
    } else if (value instanceof Value.Default<?> d && d.value() == null) {
      unknown.add(what + ": provider default not known (" + d.why() + ")");
    }
  }

  private static List<String> dedupe(List<String> items) {
    return items.stream().distinct().toList();
  }
}
