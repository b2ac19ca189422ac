package dev.keyaudit.agenttest;

import dev.keyaudit.keygen.CompliantKeys;

/** A tiny application that generates its keys with keyaudit-keygen; run under the agent. */
public final class KeygenApp {
  private KeygenApp() {}

  public static void main(String[] args) {
    CompliantKeys keys = CompliantKeys.forPolicy("nist-800-131a").withEnvironment("staging");
    keys.aes(256);
    keys.ec("secp384r1");
    System.out.println("keygen app done");
  }
}
