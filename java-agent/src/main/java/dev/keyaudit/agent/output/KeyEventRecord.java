package dev.keyaudit.agent.output;

import dev.keyaudit.agent.event.Caller;
import dev.keyaudit.agent.event.Decision;
import dev.keyaudit.agent.event.KeyEvent;
import dev.keyaudit.agent.event.RngInfo;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;

/**
 * A key event as one JSON line, with the field names shared with the keygen library ({@code
 * crypto.*}, ECS {@code event.*}, OpenTelemetry {@code code.*}, {@code service.name}, {@code
 * deployment.environment.name}, {@code organization.id}). In audit mode the event is judged here,
 * on the writer thread, so the application thread pays only for observation.
 */
public final class KeyEventRecord implements LogRecord {

  /** One digest per writer thread: getInstance looks the provider up on every call. */
  private static final ThreadLocal<MessageDigest> SHA256 =
      ThreadLocal.withInitial(KeyEventRecord::newSha256);

  private final KeyEvent event;
  private final UnaryOperator<KeyEvent> judge;

  public KeyEventRecord(KeyEvent event, UnaryOperator<KeyEvent> judge) {
    this.event = event;
    this.judge = judge;
  }

  @Override
  public String timestamp() {
    return event.timestamp().toString();
  }

  @Override
  public void writeFields(JsonLine j) {
    KeyEvent e = event.decision() == null ? judge.apply(event) : event;
    j.put("event.kind", "event")
        .put("event.provider", "keyaudit-agent")
        .put("event.category", java.util.List.of("configuration"))
        .put("event.action", e.action())
        .put("event.outcome", e.outcome())
        .put("event.reason", e.reason())
        .put("error.type", e.errorType())
        .put("crypto.api", e.api())
        .put("crypto.algorithm", e.algorithm())
        .putPositive("crypto.key.size", e.keySize())
        .put(
            isEllipticCurve(e.curve()) ? "crypto.key.curve" : "crypto.key.parameter_set", e.curve())
        .put("crypto.key.type", e.keyType())
        .put("crypto.key.fingerprint", fingerprint(e))
        .put("crypto.provider.name", e.provider())
        .put("crypto.key.size_explicit", e.sizeExplicit())
        .put("crypto.rng.explicit", e.rngExplicit())
        .put("crypto.purpose", e.purpose());
    RngInfo rng = e.rng();
    if ("key-generation".equals(e.action())) {
      j.put("crypto.rng.observed", rng != null);
    }
    if (rng != null) {
      j.put("crypto.rng.algorithm", rng.algorithm())
          .put("crypto.rng.provider", rng.provider())
          .put("crypto.rng.mechanism", rng.mechanism())
          .put("crypto.rng.drbg_algorithm", rng.drbgAlgorithm())
          .putPositive("crypto.rng.strength", rng.strength())
          .put("crypto.rng.prediction_resistance", rng.predictionResistance())
          .put("crypto.rng.capability", rng.capability())
          .put("crypto.rng.reseeds", e.rngReseeds())
          .put("crypto.rng.sp800_90a", rng.sp80090a())
          .put("crypto.rng.raw", rng.description())
          .put("crypto.rng.instance_id", e.rngInstanceId());
    }
    Caller c = e.caller();
    if (c != null && c.known()) {
      j.put("code.function.name", c.className() + "." + c.method())
          .put("code.namespace", c.className())
          .put("code.file.path", c.file())
          .putPositive("code.line.number", c.line());
    }
    j.put("thread.name", e.thread())
        .put("service.name", e.service())
        .put("deployment.environment.name", e.environment())
        .put("organization.id", e.tenant());
    Decision d = e.decision();
    if (d != null) {
      j.put("keyaudit.policy", d.policy())
          .put("keyaudit.decision", d.verdict())
          .put("keyaudit.rule", d.rules().isEmpty() ? null : d.rules().get(0))
          .put("keyaudit.rules", d.rules())
          .put("keyaudit.reasons", d.reasons());
    }
  }

  /**
   * EC curve names go to {@code crypto.key.curve}; Ed25519, X448, ML-KEM-768... are parameter sets.
   */
  static boolean isEllipticCurve(String name) {
    if (name == null) {
      return true;
    }
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.startsWith("sec")
        || n.startsWith("prime")
        || n.startsWith("brainpool")
        || n.startsWith("nist");
  }

  /** SHA-256 of the public key's X.509 encoding; secret keys are never fingerprinted. */
  static String fingerprint(KeyEvent e) {
    if (e.publicKey() == null) {
      return null;
    }
    byte[] spki = e.publicKey().getEncoded();
    if (spki == null) {
      return null;
    }
    MessageDigest sha256 = SHA256.get();
    return sha256 == null ? null : HexFormat.of().formatHex(sha256.digest(spki));
  }

  private static MessageDigest newSha256() {
    try {
      // keyaudit:ignore KA101 -- public-key fingerprint, the convention keygen shares
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException ex) {
      return null;
    }
  }
}
