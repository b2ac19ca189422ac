package dev.keyaudit.keygen;

import java.security.SecureRandom;
import java.util.Objects;

/** A DRBG instance together with what it reported about itself when it was created. */
record Drbg(SecureRandom random, RngDescription description) {
  Drbg {
    Objects.requireNonNull(random, "random");
    Objects.requireNonNull(description, "description");
  }
}
