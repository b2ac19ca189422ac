package dev.keyaudit.rules.policy;

import dev.keyaudit.rules.catalog.RuleCatalog;
import dev.keyaudit.rules.jca.Algorithms;
import dev.keyaudit.rules.jca.Curve;
import dev.keyaudit.rules.jca.Curves;
import dev.keyaudit.rules.jca.DigestUse;
import dev.keyaudit.rules.jca.JcaAlgorithm;
import dev.keyaudit.rules.jca.KeyFamily;
import dev.keyaudit.rules.jca.SecureRandomAlgorithms;
import dev.keyaudit.rules.model.Severity;
import dev.keyaudit.rules.policy.PolicyFile.BoolValue;
import dev.keyaudit.rules.policy.PolicyFile.DateValue;
import dev.keyaudit.rules.policy.PolicyFile.IntValue;
import dev.keyaudit.rules.policy.PolicyFile.ListValue;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a {@link PolicyFile} into a {@link Policy}, checking every name against the JCA knowledge
 * and the rule catalog and every threshold for a source. The same converters serve two passes:
 * {@link #check} on one file as written (partial; errors name that file), and {@link #resolve} on
 * the merged chain (complete).
 */
final class PolicyResolver {

  static final Pattern POLICY_ID = Pattern.compile("[a-z0-9][a-z0-9.\\-]{1,63}");

  private final String file;
  private final boolean complete;

  private PolicyResolver(String file, boolean complete) {
    this.file = file;
    this.complete = complete;
  }

  /** Validates what {@code written} contains, without requiring the parts it inherits. */
  static void check(PolicyFile written, String file) {
    PolicyResolver r = new PolicyResolver(file, false);
    if (written.id() != null && !POLICY_ID.matcher(written.id()).matches()) {
      throw r.error(
          "id", "'" + written.id() + "' is not a policy id (lower case, digits, '-', '.')");
    }
    r.date(written.evaluationDate(), "evaluationDate");
    r.sections(written);
  }

  /** Builds the policy from a merged, complete chain. */
  static Policy resolve(
      PolicyFile merged,
      String file,
      String title,
      String description,
      List<String> chain,
      String origin,
      LocalDate today) {
    PolicyResolver r = new PolicyResolver(file, true);
    Sections s = r.sections(merged);
    LocalDate pinned = r.date(merged.evaluationDate(), "evaluationDate");
    return new Policy(
        merged.id(),
        title,
        description,
        chain,
        origin,
        pinned != null ? pinned : today,
        pinned != null,
        s.requireExplicitStrength,
        s.algorithms,
        s.digests,
        s.minKeySizes,
        s.curves,
        s.rng,
        s.kdf,
        s.secrets,
        s.quantum,
        s.rules);
  }

  /** The converted sections; fields stay null for parts a partial file leaves out. */
  private static final class Sections {
    Threshold<Boolean> requireExplicitStrength;
    Map<String, AlgorithmRule> algorithms;
    Map<String, DigestRule> digests;
    Map<KeyFamily, Threshold<Integer>> minKeySizes;
    ApprovedCurves curves;
    RngPolicy rng;
    KdfPolicy kdf;
    SecretsPolicy secrets;
    QuantumTransition quantum;
    Map<String, RuleOverride> rules;
  }

  private Sections sections(PolicyFile f) {
    Sections s = new Sections();
    PolicyFile.Generation generation = section(f.generation(), "generation");
    s.requireExplicitStrength =
        bool(
            generation == null ? null : generation.requireExplicitStrength(),
            "generation.requireExplicitStrength");
    s.algorithms = algorithms(f.algorithms());
    s.digests = digests(f.digests());
    s.minKeySizes = keySizes(f.keySizes());
    s.curves = curves(f.curves());
    s.rng = rng(section(f.rng(), "rng"));
    s.kdf = kdf(section(f.kdf(), "kdf"));
    s.secrets = secrets(section(f.secrets(), "secrets"));
    s.quantum = quantum(f.quantumTransition());
    s.rules = rules(f.rules());
    return s;
  }

  private <T> T section(T section, String key) {
    if (section == null && complete) {
      throw error(key, "missing section");
    }
    return section;
  }

  private Map<String, AlgorithmRule> algorithms(Map<String, PolicyFile.AlgorithmEntry> entries) {
    Map<String, AlgorithmRule> out = new LinkedHashMap<>();
    if (entries == null) {
      return out;
    }
    entries.forEach(
        (name, entry) -> {
          String key = "algorithms." + name;
          JcaAlgorithm algorithm =
              Algorithms.lookup(name)
                  .orElseThrow(() -> error(key, "unknown algorithm '" + name + "'"));
          if (algorithm.kind() == JcaAlgorithm.Kind.DIGEST) {
            throw error(key, "'" + name + "' is a hash function: list it under digests");
          }
          if (entry == null || entry.status() == null) {
            throw error(key + ".status", "missing status");
          }
          AlgorithmRule rule =
              new AlgorithmRule(
                  algorithm.name(),
                  status(entry.status(), key + ".status"),
                  date(entry.deprecatedAfter(), key + ".deprecatedAfter"),
                  date(entry.disallowedAfter(), key + ".disallowedAfter"),
                  source(entry.source(), key));
          if (out.put(algorithm.name(), rule) != null) {
            throw error(key, "'" + name + "' names " + algorithm.name() + " a second time");
          }
        });
    return out;
  }

  private Map<String, DigestRule> digests(Map<String, PolicyFile.DigestEntry> entries) {
    Map<String, DigestRule> out = new LinkedHashMap<>();
    if (entries == null) {
      return out;
    }
    entries.forEach(
        (name, entry) -> {
          String key = "digests." + name;
          JcaAlgorithm digest =
              Algorithms.lookup(name)
                  .filter(a -> a.kind() == JcaAlgorithm.Kind.DIGEST)
                  .orElseThrow(() -> error(key, "unknown hash function '" + name + "'"));
          if (entry == null) {
            throw error(key, "empty entry");
          }
          Map<DigestUse, AlgorithmStatus> statuses = new EnumMap<>(DigestUse.class);
          putStatus(statuses, DigestUse.SIGNATURE, entry.signature(), key + ".signature");
          putStatus(statuses, DigestUse.HMAC, entry.hmac(), key + ".hmac");
          putStatus(statuses, DigestUse.OTHER, entry.other(), key + ".other");
          DigestRule rule = new DigestRule(digest.name(), statuses, source(entry.source(), key));
          if (out.put(digest.name(), rule) != null) {
            throw error(key, "'" + name + "' names " + digest.name() + " a second time");
          }
        });
    return out;
  }

  private void putStatus(
      Map<DigestUse, AlgorithmStatus> statuses, DigestUse use, String text, String key) {
    if (text != null) {
      statuses.put(use, status(text, key));
    }
  }

  private Map<KeyFamily, Threshold<Integer>> keySizes(Map<String, IntValue> entries) {
    Map<KeyFamily, Threshold<Integer>> out = new EnumMap<>(KeyFamily.class);
    if (entries != null) {
      entries.forEach(
          (name, value) -> {
            KeyFamily family =
                Arrays.stream(KeyFamily.values())
                    .filter(k -> k.name().equals(name))
                    .findFirst()
                    .orElseThrow(
                        () ->
                            error(
                                "keySizes." + name,
                                "unknown key family '"
                                    + name
                                    + "' (known: "
                                    + Arrays.toString(KeyFamily.values())
                                    + ")"));
            out.put(family, positive(value, "keySizes." + name));
          });
    }
    if (complete) {
      for (KeyFamily family : KeyFamily.values()) {
        if (!out.containsKey(family)) {
          throw error("keySizes." + family, "missing minimum key size");
        }
      }
    }
    return out;
  }

  private ApprovedCurves curves(PolicyFile.CurveList list) {
    if (list == null) {
      if (complete) {
        throw error("curves", "missing section");
      }
      return null;
    }
    if (list.approved() == null) {
      if (complete) {
        throw error("curves.approved", "missing list");
      }
      source(list.source(), "curves");
      return null;
    }
    List<Curve> curves = new ArrayList<>();
    for (String name : list.approved()) {
      Curve curve =
          Curves.lookup(name)
              .orElseThrow(() -> error("curves.approved", "unknown curve '" + name + "'"));
      if (!curves.contains(curve)) {
        curves.add(curve);
      }
    }
    return new ApprovedCurves(curves, source(list.source(), "curves"));
  }

  private RngPolicy rng(PolicyFile.Rng rng) {
    if (rng == null) {
      return null;
    }
    Threshold<List<String>> disallowed = null;
    ListValue list = rng.disallowedAlgorithms();
    if (list != null && list.value() != null) {
      List<String> names = new ArrayList<>();
      for (String name : list.value()) {
        if (!SecureRandomAlgorithms.isKnown(name)) {
          throw error("rng.disallowedAlgorithms", "unknown SecureRandom algorithm '" + name + "'");
        }
        names.add(SecureRandomAlgorithms.canonical(name));
      }
      disallowed = new Threshold<>(names, source(list.source(), "rng.disallowedAlgorithms"));
    } else if (complete) {
      throw error("rng.disallowedAlgorithms", "missing value");
    }
    Threshold<Boolean> cryptographicRng =
        bool(rng.requireCryptographicRng(), "rng.requireCryptographicRng");
    Threshold<Boolean> predictableSeeds =
        bool(rng.forbidPredictableSeeds(), "rng.forbidPredictableSeeds");
    Threshold<Boolean> drbg = bool(rng.requireDrbg(), "rng.requireDrbg");
    Threshold<Boolean> explicitRng = bool(rng.requireExplicitRng(), "rng.requireExplicitRng");
    Threshold<Boolean> predictionResistance =
        bool(rng.requirePredictionResistance(), "rng.requirePredictionResistance");
    Threshold<Boolean> atLeastKey =
        bool(rng.drbgStrengthAtLeastKeyStrength(), "rng.drbgStrengthAtLeastKeyStrength");
    Threshold<Integer> minStrength = positive(rng.minDrbgStrength(), "rng.minDrbgStrength");
    return complete
        ? new RngPolicy(
            cryptographicRng,
            predictableSeeds,
            drbg,
            disallowed,
            explicitRng,
            predictionResistance,
            atLeastKey,
            minStrength)
        : null;
  }

  private KdfPolicy kdf(PolicyFile.Kdf kdf) {
    if (kdf == null) {
      return null;
    }
    Threshold<Integer> iterations = positive(kdf.minIterations(), "kdf.minIterations");
    Threshold<Integer> salt = positive(kdf.minSaltBytes(), "kdf.minSaltBytes");
    Threshold<Integer> keyBits = positive(kdf.minDerivedKeyBits(), "kdf.minDerivedKeyBits");
    Threshold<Boolean> constantSalt = bool(kdf.forbidConstantSalt(), "kdf.forbidConstantSalt");
    return complete ? new KdfPolicy(iterations, salt, keyBits, constantSalt) : null;
  }

  private SecretsPolicy secrets(PolicyFile.Secrets secrets) {
    if (secrets == null) {
      return null;
    }
    Threshold<Boolean> keys = bool(secrets.forbidHardcodedKeys(), "secrets.forbidHardcodedKeys");
    Threshold<Boolean> embedded =
        bool(secrets.forbidEmbeddedPrivateKeys(), "secrets.forbidEmbeddedPrivateKeys");
    Threshold<Boolean> passwords =
        bool(secrets.forbidHardcodedPasswords(), "secrets.forbidHardcodedPasswords");
    Threshold<Double> entropy =
        positive(secrets.minCredentialEntropy(), "secrets.minCredentialEntropy");
    Threshold<Integer> length =
        positive(secrets.minCredentialLength(), "secrets.minCredentialLength");
    return complete ? new SecretsPolicy(keys, embedded, passwords, entropy, length) : null;
  }

  private QuantumTransition quantum(PolicyFile.Quantum q) {
    if (q == null) {
      return null;
    }
    DateValue deprecated = q.deprecatedAfter();
    DateValue disallowed = q.disallowedAfter();
    LocalDate deprecatedDate = dateValue(deprecated, "quantumTransition.deprecatedAfter");
    LocalDate disallowedDate = dateValue(disallowed, "quantumTransition.disallowedAfter");
    if (disallowed != null && disallowed.upToStrength() != null) {
      throw error("quantumTransition.disallowedAfter.upToStrength", "only deprecatedAfter has one");
    }
    Integer upTo = deprecated == null ? null : deprecated.upToStrength();
    if (upTo != null && upTo <= 0) {
      throw error("quantumTransition.deprecatedAfter.upToStrength", "must be positive");
    }
    if (deprecatedDate != null
        && disallowedDate != null
        && disallowedDate.isBefore(deprecatedDate)) {
      throw error("quantumTransition", "disallowedAfter is before deprecatedAfter");
    }
    if (!complete) {
      return null;
    }
    if (deprecatedDate == null || disallowedDate == null) {
      throw error("quantumTransition", "needs both deprecatedAfter and disallowedAfter");
    }
    return new QuantumTransition(
        deprecatedDate, upTo, deprecated.source(), disallowedDate, disallowed.source());
  }

  private LocalDate dateValue(DateValue value, String key) {
    if (value == null) {
      return null;
    }
    source(value.source(), key);
    if (value.value() == null) {
      throw error(key + ".value", "missing date");
    }
    return date(value.value(), key + ".value");
  }

  private Map<String, RuleOverride> rules(Map<String, PolicyFile.RuleEntry> entries) {
    Map<String, RuleOverride> out = new LinkedHashMap<>();
    if (entries == null) {
      return out;
    }
    entries.forEach(
        (id, entry) -> {
          String key = "rules." + id;
          if (RuleCatalog.builtIn().find(id).isEmpty()) {
            throw error(key, "unknown rule '" + id + "'");
          }
          if (entry == null) {
            throw error(key, "empty entry");
          }
          Severity severity = null;
          if (entry.severity() != null) {
            try {
              severity = Severity.parse(entry.severity());
            } catch (IllegalArgumentException e) {
              throw error(
                  key + ".severity", "'" + entry.severity() + "' is not error, warning or note");
            }
          }
          out.put(id, new RuleOverride(entry.enabled() == null || entry.enabled(), severity));
        });
    return out;
  }

  private Threshold<Boolean> bool(BoolValue value, String key) {
    return value == null ? missing(key) : threshold(value.value(), value.source(), key);
  }

  private Threshold<Integer> positive(IntValue value, String key) {
    return value == null
        ? missing(key)
        : positive(threshold(value.value(), value.source(), key), key);
  }

  private Threshold<Double> positive(PolicyFile.DecimalValue value, String key) {
    return value == null
        ? missing(key)
        : positive(threshold(value.value(), value.source(), key), key);
  }

  /** A threshold the file does not write: an error once the policy must be complete. */
  private <T> Threshold<T> missing(String key) {
    if (complete) {
      throw error(key, "missing threshold");
    }
    return null;
  }

  /** A written threshold: its source is required, its value once the policy must be complete. */
  private <T> Threshold<T> threshold(T value, String source, String key) {
    String cited = source(source, key);
    if (value == null) {
      if (complete) {
        throw error(key + ".value", "missing value");
      }
      return null;
    }
    return new Threshold<>(value, cited);
  }

  private <N extends Number> Threshold<N> positive(Threshold<N> threshold, String key) {
    if (threshold != null && threshold.value().doubleValue() <= 0) {
      throw error(key + ".value", "must be positive, was " + threshold.value());
    }
    return threshold;
  }

  private String source(String source, String key) {
    if (source == null || source.isBlank()) {
      throw error(key + ".source", "threshold without a source (cite the document and section)");
    }
    return source.strip();
  }

  private AlgorithmStatus status(String text, String key) {
    try {
      return AlgorithmStatus.parse(text);
    } catch (IllegalArgumentException e) {
      throw error(key, "'" + text + "' is not acceptable, deprecated or disallowed");
    }
  }

  private LocalDate date(String text, String key) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.trim());
    } catch (DateTimeParseException e) {
      throw error(key, "'" + text + "' is not a date (YYYY-MM-DD)");
    }
  }

  private PolicyException error(String key, String problem) {
    return new PolicyException(file + ": '" + key + "': " + problem);
  }
}
