package dev.keyaudit.agent.event;

import java.security.SecureRandom;
import java.security.spec.AlgorithmParameterSpec;
import java.security.spec.DSAParameterSpec;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import javax.crypto.spec.DHParameterSpec;

/**
 * What the application passed to {@code init}/{@code initialize}: a size or parameter spec, and
 * whether it supplied its own {@code SecureRandom}.
 *
 * @param size requested bits, 0 when the call gave none
 * @param curve requested curve or parameter set, or null
 */
public record InitInfo(boolean sizeExplicit, int size, String curve, boolean rngExplicit) {

  /** Reads the arguments of one init call. */
  public static InitInfo of(Object[] args) {
    int size = 0;
    String curve = null;
    boolean sizeExplicit = false;
    boolean rngExplicit = false;
    for (Object a : args) {
      if (a instanceof Integer i) {
        size = i;
        sizeExplicit = true;
      } else if (a instanceof AlgorithmParameterSpec spec) {
        sizeExplicit = true;
        if (spec instanceof ECGenParameterSpec ec) {
          curve = ec.getName();
        } else if (spec instanceof NamedParameterSpec n) {
          curve = n.getName();
        } else if (spec instanceof RSAKeyGenParameterSpec rsa) {
          size = rsa.getKeysize();
        } else if (spec instanceof ECParameterSpec ec) {
          size = ec.getCurve().getField().getFieldSize();
          curve = KeyFacts.curveName(ec);
        } else if (spec instanceof DSAParameterSpec dsa) {
          size = dsa.getP().bitLength();
        } else if (spec instanceof DHParameterSpec dh) {
          size = dh.getP().bitLength();
        }
      } else if (a instanceof SecureRandom) {
        rngExplicit = true;
      }
    }
    return new InitInfo(sizeExplicit, size, curve, rngExplicit);
  }

  /** No init call was seen (provider defaults apply, or the agent attached after init). */
  public static final InitInfo NONE = new InitInfo(false, 0, null, false);
}
