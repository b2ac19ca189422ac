package dev.keyaudit.keygen;

import java.security.DrbgParameters.Capability;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * One policy's thresholds for key generation and the judgement of a {@link KeyRequest} against
 * them. Immutable; the built-in policies live in {@link PolicyTable}.
 */
public final class KeyPolicy {

  /**
   * When classical public-key families stop being allowed (NIST IR 8547, the CNSA 1.0 to 2.0
   * transition), with the scanner's semantics: deprecated after one date, disallowed after another.
   *
   * @param families families the schedule applies to
   * @param deprecatedAfter keys of those families are deprecated after this day
   * @param deprecatedUpToStrength the deprecation applies only to keys of at most this strength (IR
   *     8547: 112-bit keys); null for all keys
   * @param disallowedAfter no key of those families is generated after this day
   * @param source the document the dates come from
   */
  public record Sunset(
      Set<KeyFamily> families,
      LocalDate deprecatedAfter,
      Integer deprecatedUpToStrength,
      LocalDate disallowedAfter,
      String source) {
    public Sunset {
      families = Set.copyOf(families);
      Objects.requireNonNull(deprecatedAfter, "deprecatedAfter");
      Objects.requireNonNull(disallowedAfter, "disallowedAfter");
      Objects.requireNonNull(source, "source");
    }
  }

  private final String id;
  private final String source;
  private final Set<Integer> aesKeySizes;
  private final List<String> hmacAlgorithms;
  private final int hmacMinKeyBits;
  private final int rsaMinBits;
  private final List<String> ecCurves;
  private final List<String> edDsa;
  private final List<String> xdh;
  private final List<String> mlKem;
  private final List<String> mlDsa;
  private final List<String> pbkdf2Prfs;
  private final int pbkdf2MinIterations;
  private final int drbgMinStrength;
  private final Capability drbgCapability;
  private final Sunset sunset;
  private final Set<KeyFamily> disallowedFamilies;

  private KeyPolicy(Builder b) {
    this.id = Objects.requireNonNull(b.id, "id");
    this.source = Objects.requireNonNull(b.source, "source");
    this.aesKeySizes = Set.copyOf(new TreeSet<>(b.aesKeySizes));
    this.hmacAlgorithms = List.copyOf(b.hmacAlgorithms);
    this.hmacMinKeyBits = b.hmacMinKeyBits;
    this.rsaMinBits = b.rsaMinBits;
    this.ecCurves = List.copyOf(b.ecCurves);
    this.edDsa = List.copyOf(b.edDsa);
    this.xdh = List.copyOf(b.xdh);
    this.mlKem = List.copyOf(b.mlKem);
    this.mlDsa = List.copyOf(b.mlDsa);
    this.pbkdf2Prfs = List.copyOf(b.pbkdf2Prfs);
    this.pbkdf2MinIterations = b.pbkdf2MinIterations;
    this.drbgMinStrength = b.drbgMinStrength;
    this.drbgCapability = Objects.requireNonNull(b.drbgCapability, "drbgCapability");
    this.sunset = b.sunset;
    this.disallowedFamilies = Set.copyOf(b.disallowedFamilies);
    if (pbkdf2Prfs.isEmpty() || hmacAlgorithms.isEmpty() || aesKeySizes.isEmpty()) {
      throw new IllegalArgumentException(id + ": AES, HMAC and PBKDF2 must each allow something");
    }
  }

  static Builder builder(String id, String source) {
    return new Builder(id, source);
  }

  /** Policy id, e.g. "nist-800-131a". */
  public String id() {
    return id;
  }

  /** The standard the thresholds come from, as messages cite it. */
  public String source() {
    return source;
  }

  /** Allowed AES key sizes in bits. */
  public Set<Integer> aesKeySizes() {
    return new TreeSet<>(aesKeySizes);
  }

  /** Allowed HMAC algorithms (JCA names), preferred first. */
  public List<String> hmacAlgorithms() {
    return hmacAlgorithms;
  }

  public int hmacMinKeyBits() {
    return hmacMinKeyBits;
  }

  public int rsaMinBits() {
    return rsaMinBits;
  }

  /** Allowed EC curves (JDK standard names). */
  public List<String> ecCurves() {
    return ecCurves;
  }

  /** Allowed EdDSA parameter sets: "Ed25519", "Ed448". */
  public List<String> edDsa() {
    return edDsa;
  }

  /** Allowed XDH parameter sets: "X25519", "X448". */
  public List<String> xdh() {
    return xdh;
  }

  /** Allowed ML-KEM parameter sets, e.g. "ML-KEM-1024". */
  public List<String> mlKem() {
    return mlKem;
  }

  /** Allowed ML-DSA parameter sets, e.g. "ML-DSA-87". */
  public List<String> mlDsa() {
    return mlDsa;
  }

  /** Allowed PBKDF2 variants (JCA SecretKeyFactory names), preferred first. */
  public List<String> pbkdf2Prfs() {
    return pbkdf2Prfs;
  }

  /** The fewest PBKDF2 iterations this policy accepts (the KA304 threshold). */
  public int pbkdf2MinIterations() {
    return pbkdf2MinIterations;
  }

  /** The weakest DRBG instantiation this policy accepts, whatever the key. */
  public int drbgMinStrength() {
    return drbgMinStrength;
  }

  /** Reseed capability requested from the DRBG: prediction resistance where the policy wants it. */
  public Capability drbgCapability() {
    return drbgCapability;
  }

  /** The phase-out schedule for classical public-key families, if the policy has one. */
  public Optional<Sunset> sunset() {
    return Optional.ofNullable(sunset);
  }

  /**
   * DRBG strength for a key: the key's security strength rounded up to an SP 800-90A strength (SP
   * 800-133 Rev 2), and never below the policy's own minimum.
   */
  public int drbgStrengthFor(KeyRequest request) {
    return Math.max(drbgMinStrength, SecurityStrengths.drbgStrengthFor(request.securityStrength()));
  }

  /**
   * Judges a request on {@code today}.
   *
   * @return the status of an allowed request
   * @throws PolicyViolationException when the policy forbids it
   */
  public Verdict judge(KeyRequest request, LocalDate today) {
    checkParameters(request);
    return lifetime(request, today);
  }

  private void checkParameters(KeyRequest r) {
    String what = r.label();
    switch (r.family()) {
      case AES -> {
        if (!aesKeySizes.contains(r.sizeBits())) {
          throw refuse(RuleId.KA102, what, "AES key size in " + aesKeySizes());
        }
      }
      case HMAC -> {
        if (!hmacAlgorithms.contains(r.algorithm())) {
          throw refuse(RuleId.KA101, what, "HMAC with one of " + hmacAlgorithms);
        }
        if (r.sizeBits() < hmacMinKeyBits) {
          throw refuse(RuleId.KA102, what, "HMAC key >= " + hmacMinKeyBits + " bits");
        }
      }
      case RSA -> {
        if (r.sizeBits() < rsaMinBits) {
          throw refuse(
              RuleId.KA102,
              what,
              "RSA modulus >= " + rsaMinBits + " bits; use " + nextStandardRsaSize() + " or more");
        }
      }
      case EC -> {
        if (!ecCurves.contains(r.parameterName())) {
          throw refuse(RuleId.KA103, what, "EC curve in " + ecCurves);
        }
      }
      case EDDSA -> requireCurve(edDsa, "EdDSA", r);
      case XDH -> requireCurve(xdh, "XDH", r);
      case ML_KEM -> requireParameterSet(mlKem, "ML-KEM", r);
      case ML_DSA -> requireParameterSet(mlDsa, "ML-DSA", r);
    }
  }

  // As in the scanner: a family the policy disallows outright is KA101 (CNSA 2.0 and EdDSA); an
  // Edwards or Montgomery curve missing from the approved curves is KA103.
  private void requireCurve(List<String> allowed, String family, KeyRequest r) {
    if (disallowedFamilies.contains(r.family())) {
      throw refuse(RuleId.KA101, r.label(), family + " is not approved; " + alternatives(r));
    }
    if (!allowed.contains(r.parameterName())) {
      List<String> curves = new ArrayList<>(ecCurves);
      curves.addAll(edDsa);
      curves.addAll(xdh);
      throw refuse(RuleId.KA103, r.label(), "curve in " + curves);
    }
  }

  private void requireParameterSet(List<String> allowed, String family, KeyRequest r) {
    if (!allowed.contains(r.parameterName())) {
      throw refuse(
          RuleId.KA101,
          r.label(),
          allowed.isEmpty()
              ? family + " is not approved; " + alternatives(r)
              : family + " parameter set in " + allowed);
    }
  }

  private String alternatives(KeyRequest r) {
    boolean signing = r.family() == KeyFamily.EDDSA || r.family() == KeyFamily.ML_DSA;
    List<String> pq = signing ? mlDsa : mlKem;
    StringBuilder s = new StringBuilder("use ");
    if (!pq.isEmpty()) {
      s.append(String.join(" or ", pq)).append(", or ");
    }
    if (!ecCurves.isEmpty()) {
      s.append("EC ").append(String.join("/", ecCurves)).append(" or ");
    }
    return s.append("RSA >= ").append(rsaMinBits).toString();
  }

  private String postQuantumAlternative(KeyRequest r) {
    List<String> pq = new ArrayList<>();
    // RSA and EC keys serve both key establishment and signatures.
    if (r.family() != KeyFamily.EDDSA) {
      pq.addAll(mlKem);
    }
    if (r.family() != KeyFamily.XDH) {
      pq.addAll(mlDsa);
    }
    return "use " + String.join(" or ", pq);
  }

  private Verdict lifetime(KeyRequest r, LocalDate today) {
    if (sunset == null || !sunset.families().contains(r.family())) {
      return Verdict.acceptable();
    }
    if (today.isAfter(sunset.disallowedAfter())) {
      throw refuse(
          RuleId.KA105,
          r.label(),
          "no quantum-vulnerable key generation after "
              + sunset.disallowedAfter()
              + "; "
              + postQuantumAlternative(r));
    }
    String schedule =
        RuleId.KA105.label()
            + ": "
            + r.label()
            + " is quantum-vulnerable ("
            + sunset.source()
            + "), deprecated after "
            + sunset.deprecatedAfter()
            + (sunset.deprecatedUpToStrength() == null
                ? ""
                : " for keys of at most " + sunset.deprecatedUpToStrength() + " bits")
            + ", disallowed after "
            + sunset.disallowedAfter();
    boolean deprecationApplies =
        sunset.deprecatedUpToStrength() == null
            || r.securityStrength() <= sunset.deprecatedUpToStrength();
    if (deprecationApplies && today.isAfter(sunset.deprecatedAfter())) {
      return new Verdict(Verdict.Status.DEPRECATED, schedule);
    }
    return new Verdict(Verdict.Status.TRANSITIONAL, schedule);
  }

  /**
   * Checks PBKDF2 parameters.
   *
   * @throws PolicyViolationException for a PRF the policy does not approve (KA101), too few
   *     iterations or a salt shorter than 128 bits (KA304)
   */
  public void checkPbkdf2(String prf, int iterations, int saltBytes) {
    if (!pbkdf2Prfs.contains(prf)) {
      throw refuse(RuleId.KA101, prf, "PBKDF2 with one of " + pbkdf2Prfs);
    }
    if (iterations < pbkdf2MinIterations) {
      throw refuse(
          RuleId.KA304,
          prf + " with " + iterations + " iterations",
          "PBKDF2 iterations >= " + pbkdf2MinIterations);
    }
    if (saltBytes < Pbkdf2Parameters.MIN_SALT_BYTES) {
      throw refuse(
          RuleId.KA304,
          "a " + (saltBytes * 8) + "-bit salt",
          "a random salt of >= " + (Pbkdf2Parameters.MIN_SALT_BYTES * 8) + " bits (SP 800-132)");
    }
  }

  /**
   * Checks the DRBG a key is about to come from.
   *
   * @param requiredStrength the strength the key needs ({@link #drbgStrengthFor})
   * @throws PolicyViolationException when it is not an SP 800-90A DRBG (KA202), is weaker than the
   *     key (KA204), or lacks the prediction resistance this policy asks for (KA204); the seeded
   *     test DRBG is exempt from the last, since it cannot have it
   */
  public void checkDrbg(RngDescription rng, int requiredStrength) {
    if (!rng.sp800_90a()) {
      throw refuse(
          RuleId.KA202,
          "RNG " + rng.summary(),
          "an SP 800-90A DRBG (Hash_DRBG, HMAC_DRBG or CTR_DRBG)");
    }
    if (rng.strength() < requiredStrength) {
      throw refuse(
          RuleId.KA204,
          "RNG " + rng.summary(),
          "DRBG strength >= "
              + requiredStrength
              + " bits, at least the key's security strength (SP 800-133 Rev 2)");
    }
    if (drbgCapability == Capability.PR_AND_RESEED
        && !rng.predictionResistance()
        && !rng.deterministic()) {
      throw refuse(
          RuleId.KA204,
          "RNG " + rng.summary(),
          "a DRBG with prediction resistance (pr_and_reseed)");
    }
  }

  PolicyViolationException refuse(RuleId rule, String what, String threshold) {
    return new PolicyViolationException(rule, id, what, threshold + " (" + source + ")");
  }

  private int nextStandardRsaSize() {
    for (int size : new int[] {2048, 3072, 4096, 7680, 8192, 15360}) {
      if (size >= rsaMinBits) {
        return size;
      }
    }
    return rsaMinBits;
  }

  @Override
  public String toString() {
    return id;
  }

  /** Collects a policy's values; used only by {@link PolicyTable}. */
  static final class Builder {
    private final String id;
    private final String source;
    private Set<Integer> aesKeySizes = Set.of();
    private List<String> hmacAlgorithms = List.of();
    private int hmacMinKeyBits;
    private int rsaMinBits;
    private List<String> ecCurves = List.of();
    private List<String> edDsa = List.of();
    private List<String> xdh = List.of();
    private List<String> mlKem = List.of();
    private List<String> mlDsa = List.of();
    private List<String> pbkdf2Prfs = List.of();
    private int pbkdf2MinIterations;
    private int drbgMinStrength;
    private Capability drbgCapability;
    private Sunset sunset;
    private Set<KeyFamily> disallowedFamilies = Set.of();

    private Builder(String id, String source) {
      this.id = id;
      this.source = source;
    }

    Builder aes(Integer... sizes) {
      aesKeySizes = Set.of(sizes);
      return this;
    }

    Builder hmac(int minKeyBits, String... algorithms) {
      hmacMinKeyBits = minKeyBits;
      hmacAlgorithms = List.of(algorithms);
      return this;
    }

    Builder rsa(int minBits) {
      rsaMinBits = minBits;
      return this;
    }

    Builder ec(String... curves) {
      ecCurves = List.of(curves);
      return this;
    }

    Builder edDsa(String... sets) {
      edDsa = List.of(sets);
      return this;
    }

    Builder xdh(String... sets) {
      xdh = List.of(sets);
      return this;
    }

    Builder mlKem(String... sets) {
      mlKem = List.of(sets);
      return this;
    }

    Builder mlDsa(String... sets) {
      mlDsa = List.of(sets);
      return this;
    }

    Builder pbkdf2(int minIterations, String... prfs) {
      pbkdf2MinIterations = minIterations;
      pbkdf2Prfs = List.of(prfs);
      return this;
    }

    Builder drbg(int minStrength, Capability capability) {
      drbgMinStrength = minStrength;
      drbgCapability = capability;
      return this;
    }

    /** Families the policy names as disallowed algorithms (KA101 rather than KA103). */
    Builder disallow(KeyFamily... families) {
      disallowedFamilies = Set.of(families);
      return this;
    }

    Builder sunset(Sunset s) {
      sunset = s;
      return this;
    }

    KeyPolicy build() {
      return new KeyPolicy(this);
    }
  }
}
