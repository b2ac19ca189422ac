package dev.keyaudit.agent.instrument;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.bytebuddy.jar.asm.ClassReader;

/**
 * Answers "does this class extend {@code java.security.KeyPairGenerator}?" for a class that is
 * being defined, whose superclasses may not be loaded yet. It reads the superclass chain from the
 * class files (never loads a class: loading inside a transformer risks circularity errors) and
 * remembers every answer.
 */
final class KeyPairGeneratorTypes {

  static final String KEY_PAIR_GENERATOR = "java/security/KeyPairGenerator";

  private static final int MAX_DEPTH = 32;

  private final Map<String, Boolean> known = new ConcurrentHashMap<>();

  /** Set while this thread reads class files: a nested class load must not read again. */
  private final ThreadLocal<Boolean> reading = new ThreadLocal<>();

  KeyPairGeneratorTypes() {
    known.put(KEY_PAIR_GENERATOR, true);
    known.put("java/lang/Object", false);
  }

  /** True when {@code superName} is KeyPairGenerator or one of its subclasses. */
  boolean isSubclass(String superName, ClassLoader loader) {
    List<String> chain = new ArrayList<>();
    String name = superName;
    boolean answer = false;
    while (name != null && chain.size() < MAX_DEPTH) {
      Boolean cached = known.get(name);
      if (cached != null) {
        answer = cached;
        break;
      }
      if (reading.get() != null) {
        return false; // a class loaded while reading a class file: unknown, not remembered
      }
      chain.add(name);
      name = superOf(name, loader);
    }
    for (String c : chain) {
      known.put(c, answer);
    }
    return answer;
  }

  private String superOf(String name, ClassLoader loader) {
    reading.set(Boolean.TRUE);
    try (InputStream in =
        loader == null
            ? ClassLoader.getSystemResourceAsStream(name + ".class")
            : loader.getResourceAsStream(name + ".class")) {
      return in == null ? null : new ClassReader(in).getSuperName();
    } catch (IOException | RuntimeException e) {
      return null;
    } finally {
      reading.remove();
    }
  }
}
