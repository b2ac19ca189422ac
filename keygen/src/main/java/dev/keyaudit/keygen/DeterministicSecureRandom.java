package dev.keyaudit.keygen;

import java.security.DrbgParameters;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.SecureRandomParameters;
import java.security.SecureRandomSpi;

/**
 * A seeded, reproducible SecureRandom for tests: SP 800-90A Hash_DRBG (SHA-256, 256 bits) over the
 * caller's seed. It reports itself like the JDK's DRBG ({@code getParameters()}, {@code toString()}
 * "Hash_DRBG,SHA-256,256,reseed_only,deterministic-test"), so evidence records describe it the same
 * way, and its provider is named "KeyAuditTest" so no one mistakes it for a production source. Only
 * {@link TestKeys} creates it.
 */
final class DeterministicSecureRandom extends SecureRandom {

  private static final long serialVersionUID = 1L;

  static final String PROVIDER_NAME = "KeyAuditTest";

  private static final Provider PROVIDER = new TestProvider();

  DeterministicSecureRandom(byte[] seed, byte[] nonce, byte[] personalization) {
    super(new Spi(new HashDrbgSha256(seed, nonce, personalization), personalization), PROVIDER);
  }

  @Override
  public String getAlgorithm() {
    return "DRBG";
  }

  private static final class Spi extends SecureRandomSpi {
    private static final long serialVersionUID = 1L;

    private final transient HashDrbgSha256 drbg;
    private final byte[] personalization;

    Spi(HashDrbgSha256 drbg, byte[] personalization) {
      this.drbg = drbg;
      this.personalization = personalization.clone();
    }

    @Override
    protected synchronized void engineNextBytes(byte[] bytes) {
      drbg.nextBytes(bytes);
    }

    @Override
    protected synchronized byte[] engineGenerateSeed(int numBytes) {
      byte[] out = new byte[numBytes];
      drbg.nextBytes(out);
      return out;
    }

    @Override
    protected void engineSetSeed(byte[] seed) {
      // Mixing in more input would silently change every later test key.
      throw new UnsupportedOperationException("the deterministic test DRBG cannot be reseeded");
    }

    @Override
    protected SecureRandomParameters engineGetParameters() {
      return DrbgParameters.instantiation(
          256, DrbgParameters.Capability.RESEED_ONLY, personalization);
    }

    @Override
    public String toString() {
      return "Hash_DRBG,SHA-256,256,reseed_only,deterministic-test";
    }
  }

  private static final class TestProvider extends Provider {
    private static final long serialVersionUID = 1L;

    TestProvider() {
      super(PROVIDER_NAME, "1", "KeyAudit deterministic test DRBG; never for production keys");
    }
  }
}
