package dev.keyaudit.agent.output;

import jdk.jfr.Category;
import jdk.jfr.DataAmount;
import jdk.jfr.Description;
import jdk.jfr.Enabled;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JFR view of a key generation, shown by JDK Mission Control under Security / Cryptography.
 * Disabled unless a recording enables it (the agent's {@code keyaudit.jfc} does).
 */
@Name("keyaudit.KeyGeneration")
@Label("Key Generation")
@Category({"Security", "Cryptography"})
@Description("A key or key pair was generated through JCA, as observed by the KeyAudit agent")
@StackTrace(true)
@Enabled(false)
public final class KeyGenerationJfrEvent extends jdk.jfr.Event {
  @Label("Algorithm")
  String algorithm;

  @Label("Key Size")
  @DataAmount(DataAmount.BITS)
  int keySize;

  @Label("Curve")
  String curve;

  @Label("Provider")
  String provider;

  @Label("Purpose")
  String purpose;

  @Label("RNG Algorithm")
  String rngAlgorithm;

  @Label("RNG Raw Description")
  String rngRaw;

  @Label("RNG SP 800-90A")
  boolean rngSp80090a;

  @Label("Outcome")
  String outcome;

  @Label("Caller")
  String caller;

  @Label("Tenant")
  String tenant;

  /** Fills and commits the event when a recording wants it. */
  static void commit(dev.keyaudit.agent.event.KeyEvent e) {
    KeyGenerationJfrEvent j = new KeyGenerationJfrEvent();
    if (!j.shouldCommit()) {
      return;
    }
    j.algorithm = e.algorithm();
    j.keySize = e.keySize();
    j.curve = e.curve();
    j.provider = e.provider();
    j.purpose = e.purpose();
    if (e.rng() != null) {
      j.rngAlgorithm = e.rng().algorithm();
      j.rngRaw = e.rng().description();
      j.rngSp80090a = e.rng().sp80090a();
    }
    j.outcome = e.outcome();
    j.caller =
        e.caller() != null && e.caller().known()
            ? e.caller().className() + "." + e.caller().method() + ":" + e.caller().line()
            : null;
    j.tenant = e.tenant();
    j.commit();
  }
}
