package dev.keyaudit.scanner.bytecode;

/**
 * Objects the interpreter follows besides constants: arrays being filled, objects between {@code
 * NEW} and their constructor, output of a non-cryptographic source, and the initialisation states
 * of a generator ({@link #NONE}: created here, not initialised; {@link #ESCAPED}: handed to code
 * the frontend does not follow).
 */
final class Markers {

  private Markers() {}

  /** Initialisation states besides {@link InitAt} and {@link EscapeAt}. */
  enum GenState {
    NONE,
    PRIOR
  }

  /** A {@code new byte[n]} / {@code new char[n]} allocation; identity per instruction. */
  static final class ArraySite {
    final int length;
    final boolean chars;
    final int line;

    ArraySite(int length, boolean chars, int line) {
      this.length = length;
      this.chars = chars;
      this.line = line;
    }
  }

  /** An object between {@code NEW} and its {@code <init>} call; identity per instruction. */
  static final class NewSite {
    final String type;
    final int line;

    NewSite(String type, int line) {
      this.type = type;
      this.line = line;
    }
  }

  /** The {@code init}/{@code initialize} call that set a generator's state on this path. */
  record InitAt(org.objectweb.asm.tree.AbstractInsnNode call) {}

  /** The call that handed a generator to code the frontend does not follow. */
  record EscapeAt(org.objectweb.asm.tree.AbstractInsnNode call) {}

  /** Output (or a filled array) that came from a non-cryptographic source. */
  record Taint(Tracked source) {}

  /** The receiver of an instance method ({@code this}). */
  enum Receiver {
    THIS
  }

  /**
   * A static field of a class holding an instance of that class (an enum constant, a singleton):
   * its instance fields are the pseudo-fields {@code NAME.field} of the shared engine.
   */
  record StaticInstance(String owner, String name) {}

  /**
   * An object the engine's library model follows (a random generator, DRBG parameters), as the call
   * that created it: its IR, so another class can resolve it to where it was created.
   */
  record Creation(dev.keyaudit.scanner.resolve.Expr.Call call) {}

  /** A non-capturing lambda or method reference; calling it runs {@code impl}. */
  record LambdaRef(dev.keyaudit.scanner.resolve.MethodRef impl) {}

  /**
   * A {@code new Object[n]} allocation (varargs of {@code String.format}); identity per
   * instruction.
   */
  static final class ObjectArraySite {
    final int length;

    ObjectArraySite(int length) {
      this.length = length;
    }
  }
}
