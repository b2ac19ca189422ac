package dev.keyaudit.agent.event;

import java.security.PublicKey;
import java.time.Instant;

/**
 * One observed key event, built on the application thread from primitives and strings only; the
 * writer thread judges (in audit mode), fingerprints and encodes it. Never holds key material: for
 * key pairs only the public key is kept, to fingerprint.
 *
 * @param action {@code key-generation}, {@code key-construction} (key built from bytes) or {@code
 *     key-load} ({@code KeyFactory.generatePrivate})
 * @param api the JCA call, e.g. {@code KeyPairGenerator.generateKeyPair}
 * @param sizeExplicit whether {@code init}/{@code initialize} gave a size or parameters
 * @param rngExplicit whether the application passed its own {@code SecureRandom} to init
 * @param purpose {@code application}, {@code tls-ephemeral} or {@code derivation}
 * @param rng the RNG observed during generation, or null when none was drawn from
 * @param rngIdentity identity hash of that RNG object (0 when none)
 * @param rngReseeds explicit {@code reseed}/{@code setSeed} calls seen on that RNG
 * @param rngSharedWith other tenants or environments ({@code tenant:x}, {@code environment:y}) that
 *     the same RNG instance served before
 * @param decision the verdict when already judged on the application thread (enforce), else null
 */
public record KeyEvent(
    Instant timestamp,
    String action,
    String outcome,
    String reason,
    String api,
    String algorithm,
    int keySize,
    String curve,
    String keyType,
    String provider,
    boolean sizeExplicit,
    boolean rngExplicit,
    String purpose,
    RngInfo rng,
    int rngIdentity,
    int rngReseeds,
    java.util.List<String> rngSharedWith,
    PublicKey publicKey,
    Caller caller,
    String thread,
    String tenant,
    String environment,
    String service,
    Decision decision) {

  /** The exception class of a failed generation, or null. */
  public String errorType() {
    if (!"failure".equals(outcome) || reason == null) {
      return null;
    }
    int colon = reason.indexOf(':');
    return colon > 0 && !reason.startsWith("blocked") ? reason.substring(0, colon) : null;
  }

  /** Process-local identity of the RNG object, to correlate draws from one instance. */
  public String rngInstanceId() {
    return rngIdentity == 0 ? null : Integer.toHexString(rngIdentity);
  }

  public KeyEvent withDecision(Decision d) {
    return new KeyEvent(
        timestamp,
        action,
        outcome,
        reason,
        api,
        algorithm,
        keySize,
        curve,
        keyType,
        provider,
        sizeExplicit,
        rngExplicit,
        purpose,
        rng,
        rngIdentity,
        rngReseeds,
        rngSharedWith,
        publicKey,
        caller,
        thread,
        tenant,
        environment,
        service,
        d);
  }
}
