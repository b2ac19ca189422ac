package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.scanner.jca.EmbeddedKeyDetector;
import dev.keyaudit.scanner.jca.JcaApi;
import java.util.Set;
import java.util.stream.Collectors;
import org.objectweb.asm.ClassReader;

/**
 * Decides from the constant pool alone, without parsing methods or building frames, whether a class
 * can yield a fact: it names a crypto or random API class, or holds a string constant that is a
 * private key. Most classes of a dependency tree name neither and cost only this look.
 */
final class ConstantPoolFilter {

  /** What a class needs. */
  enum Relevance {
    /** Nothing to see. */
    NONE,
    /** Only string constants that hold private keys: their lines, no interpretation. */
    KEY_STRINGS,
    /** Crypto or random APIs: full interpretation. */
    API
  }

  private static final int CONSTANT_UTF8 = 1;
  private static final int CONSTANT_CLASS = 7;
  private static final int CONSTANT_STRING = 8;

  /** API classes that make a class worth interpreting (helpers like String do not). */
  private static final Set<String> TRIGGERS =
      JcaApi.ALL.stream()
          .filter(n -> JcaApi.TRIGGER_NAMES.contains(JcaApi.simpleName(n)))
          .filter(n -> !JcaApi.JAVA_LANG.contains(n))
          .map(ConstantPoolFilter::internalName)
          .collect(Collectors.toUnmodifiableSet());

  /** Math and StrictMath are everywhere: they count only with a {@code random} member. */
  private static final Set<String> MATH = Set.of("java/lang/Math", "java/lang/StrictMath");

  private ConstantPoolFilter() {}

  static Relevance relevance(ClassReader reader) {
    char[] buffer = new char[reader.getMaxStringLength()];
    boolean math = false;
    boolean randomName = false;
    boolean keyString = false;
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset == 0) {
        continue; // second slot of a long or double
      }
      int tag = reader.b[offset - 1];
      if (tag == CONSTANT_CLASS) {
        String name = reader.readUTF8(offset, buffer);
        if (TRIGGERS.contains(name)) {
          return Relevance.API;
        }
        math |= MATH.contains(name);
      } else if (tag == CONSTANT_UTF8 && !randomName) {
        randomName = isRandom(reader.b, offset);
      } else if (tag == CONSTANT_STRING && !keyString) {
        String text = reader.readUTF8(offset, buffer);
        keyString =
            text.length() >= EmbeddedKeyDetector.MIN_DER_BYTES
                && EmbeddedKeyDetector.detect(text).isPresent();
      }
    }
    if (math && randomName) {
      return Relevance.API;
    }
    return keyString ? Relevance.KEY_STRINGS : Relevance.NONE;
  }

  /**
   * The classes the constant pool names ({@code CONSTANT_Class}), JDK classes left out: the edges
   * along which values may travel between the project's classes.
   */
  static Set<String> classReferences(ClassReader reader) {
    char[] buffer = new char[reader.getMaxStringLength()];
    Set<String> out = new java.util.HashSet<>();
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset != 0 && reader.b[offset - 1] == CONSTANT_CLASS) {
        String name = reader.readUTF8(offset, buffer);
        if (!ValueCalls.isLibrary(name)) {
          out.add(name);
        }
      }
    }
    return out;
  }

  /** Whether the constant pool holds the name {@code text} (a member a class may call). */
  static boolean mentions(ClassReader reader, String text) {
    byte[] wanted = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (int i = 1; i < reader.getItemCount(); i++) {
      int offset = reader.getItem(i);
      if (offset != 0
          && reader.b[offset - 1] == CONSTANT_UTF8
          && utf8Is(reader.b, offset, wanted)) {
        return true;
      }
    }
    return false;
  }

  private static final byte[] RANDOM = {'r', 'a', 'n', 'd', 'o', 'm'};

  /** Whether the Utf8 entry at {@code offset} (its length field) is "random". */
  private static boolean isRandom(byte[] b, int offset) {
    return utf8Is(b, offset, RANDOM);
  }

  /** Whether the Utf8 entry at {@code offset} (its length field) holds exactly {@code wanted}. */
  private static boolean utf8Is(byte[] b, int offset, byte[] wanted) {
    int length = ((b[offset] & 0xFF) << 8) | (b[offset + 1] & 0xFF);
    if (length != wanted.length) {
      return false;
    }
    for (int k = 0; k < length; k++) {
      if (b[offset + 2 + k] != wanted[k]) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code java.security.DrbgParameters.Capability} → {@code
   * java/security/DrbgParameters$Capability}.
   */
  static String internalName(String fqn) {
    String[] parts = fqn.split("\\.");
    StringBuilder out = new StringBuilder();
    boolean inType = false;
    for (int i = 0; i < parts.length; i++) {
      if (i > 0) {
        out.append(inType ? '$' : '/');
      }
      out.append(parts[i]);
      inType |= Character.isUpperCase(parts[i].charAt(0));
    }
    return out.toString();
  }
}
