package dev.keyaudit.agent.output;

import dev.keyaudit.agent.event.Caller;
import dev.keyaudit.agent.event.Decision;
import dev.keyaudit.agent.event.KeyEvent;
import dev.keyaudit.agent.event.RngInfo;
import java.time.Instant;
import java.util.function.UnaryOperator;

/**
 * A key event as one JSON line, with the field names shared with the keygen library ({@code
 * crypto.*}, ECS {@code event.*}, OpenTelemetry {@code code.*}, {@code service.name}, {@code
 * deployment.environment.name}, {@code organization.id}). In audit mode the event is judged here,
 * on the writer thread, so the application thread pays only for observation.
 */
public final class KeyEventRecord implements LogRecord {

  /** What the writer thread keeps between lines: a digest, known curves, encoded fragments. */
  private static final class WriterState {
    final PublicKeyFingerprint fingerprint = new PublicKeyFingerprint();
    final Fragments<Caller> callers = new Fragments<>(KeyEventRecord::writeCaller);
    final Fragments<Decision> decisions = new Fragments<>(KeyEventRecord::writeDecision);
    final Fragments<RngInfo> rngs = new Fragments<>(KeyEventRecord::writeRng);
  }

  /** The fields every key event starts with. */
  private static final byte[] HEAD =
      new JsonLine()
          .put("event.kind", "event")
          .put("event.provider", "keyaudit-agent")
          .put("event.category", java.util.List.of("configuration"))
          .fields();

  private static final ThreadLocal<WriterState> STATE = ThreadLocal.withInitial(WriterState::new);

  private final KeyEvent event;
  private final UnaryOperator<KeyEvent> judge;

  public KeyEventRecord(KeyEvent event, UnaryOperator<KeyEvent> judge) {
    this.event = event;
    this.judge = judge;
  }

  @Override
  public Instant timestamp() {
    return event.timestamp();
  }

  @Override
  public void writeFields(JsonLine j) {
    KeyEvent e = event.decision() == null ? judge.apply(event) : event;
    WriterState state = STATE.get();
    j.raw(HEAD)
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
        .put(
            "crypto.key.fingerprint",
            // SHA-256 of the public key's X.509 encoding; secret keys are never fingerprinted
            e.publicKey() == null ? null : state.fingerprint.of(e.publicKey()))
        .put("crypto.provider.name", e.provider())
        .put("crypto.key.size_explicit", e.sizeExplicit())
        .put("crypto.rng.explicit", e.rngExplicit())
        .put("crypto.purpose", e.purpose());
    RngInfo rng = e.rng();
    if ("key-generation".equals(e.action())) {
      j.put("crypto.rng.observed", rng != null);
    }
    if (rng != null) {
      state.rngs.write(rng, j);
      j.put("crypto.rng.reseeds", e.rngReseeds()).put("crypto.rng.instance_id", e.rngInstanceId());
    }
    Caller c = e.caller();
    if (c != null && c.known()) {
      state.callers.write(c, j);
    }
    j.put("thread.name", e.thread())
        .put("service.name", e.service())
        .put("deployment.environment.name", e.environment())
        .put("organization.id", e.tenant());
    if (e.decision() != null) {
      state.decisions.write(e.decision(), j);
    }
  }

  private static void writeCaller(Caller c, JsonLine j) {
    j.put("code.function.name", c.className() + "." + c.method())
        .put("code.file.path", c.file())
        .putPositive("code.line.number", c.line());
  }

  /** What describes the RNG itself; the per-event reseed count and instance follow it. */
  private static void writeRng(RngInfo rng, JsonLine j) {
    j.put("crypto.rng.algorithm", rng.algorithm())
        .put("crypto.rng.provider", rng.provider())
        .put("crypto.rng.mechanism", rng.mechanism())
        .put("crypto.rng.drbg_algorithm", rng.drbgAlgorithm())
        .putPositive("crypto.rng.strength", rng.strength())
        .put("crypto.rng.prediction_resistance", rng.predictionResistance())
        .put("crypto.rng.capability", rng.capability())
        .put("crypto.rng.sp800_90a", rng.sp80090a())
        .put("crypto.rng.raw", rng.description());
  }

  private static void writeDecision(Decision d, JsonLine j) {
    j.put("keyaudit.policy", d.policy())
        .put("keyaudit.decision", d.verdict())
        .put("keyaudit.rule", d.rules().isEmpty() ? null : d.rules().get(0))
        .put("keyaudit.rules", d.rules())
        .put("keyaudit.reasons", d.reasons());
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
}
