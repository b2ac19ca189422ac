package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.scanner.jca.EmbeddedKeyDetector;
import dev.keyaudit.scanner.jca.JcaApi;
import dev.keyaudit.scanner.jca.RandomSinkNames;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.ClassNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.TypeInsnNode;

/**
 * Which methods of a class are worth frames, from their instructions alone: facts come only from
 * calls of a crypto or random API (and from key text), and a class's own field values only from the
 * methods that write them. A large class that uses an API in one method pays for that method.
 */
final class ApiMethods {

  private ApiMethods() {}

  /** A crypto or random API class, by internal name (String, System and the like excluded). */
  static boolean isApi(String internalName) {
    String name = ValueCalls.fqn(internalName);
    return (JcaApi.ALL.contains(name) && !JcaApi.JAVA_LANG.contains(name))
        || JcaApi.isNonCryptoRandomUtility(name);
  }

  /** Whether {@code m} calls or constructs an API class, or draws from {@code Math.random}. */
  static boolean usesApi(MethodNode m) {
    for (AbstractInsnNode insn : m.instructions) {
      if (insn instanceof MethodInsnNode call) {
        if (isApi(call.owner)
            || (call.name.equals("random")
                && (call.owner.equals("java/lang/Math")
                    || call.owner.equals("java/lang/StrictMath")))) {
          return true;
        }
      } else if (insn instanceof TypeInsnNode t && t.getOpcode() == Opcodes.NEW && isApi(t.desc)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code m} holds text that may be a private key: a long string constant, or a
   * concatenation when the class has key constants javac may have folded into it.
   */
  static boolean mayHoldKeyText(MethodNode m, boolean classHasKeyConstants) {
    for (AbstractInsnNode insn : m.instructions) {
      if (insn instanceof LdcInsnNode ldc
          && ldc.cst instanceof String s
          && s.length() >= EmbeddedKeyDetector.MIN_DER_BYTES) {
        return true;
      }
      if (classHasKeyConstants && insn instanceof InvokeDynamicInsnNode) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code m} is named for a secret ({@code newSessionToken}) or writes a field of its
   * class that is: where the project-wide search looks for random output ending up by name.
   */
  static boolean namedForSecret(ClassNode owner, MethodNode m) {
    if (!m.name.startsWith("<") && RandomSinkNames.forName(m.name) != null) {
      return true;
    }
    for (AbstractInsnNode insn : m.instructions) {
      if (insn instanceof FieldInsnNode f
          && (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC)
          && f.owner.equals(owner.name)
          && RandomSinkNames.forName(f.name) != null) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code m} writes a field of its own class. */
  static boolean writesOwnField(ClassNode owner, MethodNode m) {
    for (AbstractInsnNode insn : m.instructions) {
      if (insn instanceof FieldInsnNode f
          && (f.getOpcode() == Opcodes.PUTFIELD || f.getOpcode() == Opcodes.PUTSTATIC)
          && f.owner.equals(owner.name)) {
        return true;
      }
    }
    return false;
  }
}
