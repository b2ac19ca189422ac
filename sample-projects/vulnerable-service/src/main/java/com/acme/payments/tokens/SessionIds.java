package com.acme.payments.tokens;

import java.util.Random;

/** Shared id source: its numbers end up in session tokens (see TokenIssuer.newSessionToken). */
final class SessionIds {
  private static final Random RANDOM = new Random(); // expect: KA201

  private SessionIds() {}

  static long next() {
    return RANDOM.nextLong();
  }
}
