package dev.keyaudit.benchmarks.agent;

import javax.crypto.KeyGenerator;

/**
 * The application for the start-up measurement: a JVM that generates one AES key and exits. {@code
 * run.sh} times it with and without the agent.
 */
public final class StartupProbe {
  public static void main(String[] args) throws Exception {
    KeyGenerator kg = KeyGenerator.getInstance("AES");
    kg.init(256);
    if (kg.generateKey().getEncoded().length != 32) {
      throw new IllegalStateException("unexpected key");
    }
  }
}
