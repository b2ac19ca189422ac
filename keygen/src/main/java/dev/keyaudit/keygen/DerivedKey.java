package dev.keyaudit.keygen;

import java.util.Objects;
import javax.crypto.SecretKey;

/**
 * A password-derived key and the parameters to derive it again.
 *
 * @param key the derived key
 * @param parameters store these with the data the key protects; they are not secret
 */
public record DerivedKey(SecretKey key, Pbkdf2Parameters parameters) {
  public DerivedKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(parameters, "parameters");
  }

  @Override
  public String toString() {
    return "DerivedKey[" + parameters + "]";
  }
}
