package dev.keyaudit.agent.output;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * JSON fields encoded once per object and copied into every later line about the same object. Meant
 * for objects the agent already shares between events (one {@code Caller} per call site, one {@code
 * Decision} per judged input): a line about them is then mostly array copies. Identity, not
 * equality, is the key, so a lookup costs no hashing of the object's contents. Writer thread only.
 */
final class Fragments<K> {

  /** Objects remembered; past it the memory starts over (callers and decisions are few). */
  private static final int MAX_REMEMBERED = 1024;

  private final Map<K, byte[]> encoded = new IdentityHashMap<>();
  private final JsonLine scratch = new JsonLine();
  private final BiConsumer<K, JsonLine> encoder;

  Fragments(BiConsumer<K, JsonLine> encoder) {
    this.encoder = encoder;
  }

  /** Writes {@code key}'s fields into {@code line}. */
  void write(K key, JsonLine line) {
    byte[] fields = encoded.get(key);
    if (fields == null) {
      if (encoded.size() >= MAX_REMEMBERED) {
        encoded.clear();
      }
      encoder.accept(key, scratch.reset());
      fields = scratch.fields();
      encoded.put(key, fields);
    }
    line.raw(fields);
  }
}
