package dev.keyaudit.keygen;

import java.security.DrbgParameters.Capability;
import java.security.NoSuchAlgorithmException;

/**
 * Hands out the DRBG for a scope. Production code gets {@link DrbgRegistry}; only {@link TestKeys}
 * supplies the deterministic one.
 */
interface RandomSource {

  /**
   * The DRBG for {@code scope}, instantiated at {@code strength} bits with {@code capability}.
   *
   * @throws NoSuchAlgorithmException when no provider can instantiate such a DRBG
   * @throws PolicyViolationException when this source must not serve {@code scope}
   */
  Drbg drbg(Scope scope, int strength, Capability capability) throws NoSuchAlgorithmException;
}
