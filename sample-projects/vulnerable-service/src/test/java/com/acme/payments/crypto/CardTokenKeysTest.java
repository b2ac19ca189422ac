package com.acme.payments.crypto;

import java.util.Random;

/** Test code keeps its findings, one severity step lower and tagged test-context. */
class CardTokenKeysTest {

  byte[] fixedTestKeyBytes() {
    Random seeded = new Random(42); // expect: KA201, KA203
    byte[] key = new byte[32];
    seeded.nextBytes(key);
    return key;
  }
}
