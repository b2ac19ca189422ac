package dev.keyaudit.keygen;

/**
 * The platform could not produce a key the policy allows: no provider for the algorithm or curve
 * (SunEC has no brainpool curves), or a provider returned something other than what was asked.
 */
public final class KeyGenerationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public KeyGenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
