package dev.keyaudit.scanner.bytecode;

import org.objectweb.asm.Opcodes;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.JumpInsnNode;
import org.objectweb.asm.tree.LookupSwitchInsnNode;
import org.objectweb.asm.tree.TableSwitchInsnNode;

/**
 * A field write in a constructor or static initialiser that never survives it: the same field is
 * written again further on, with no branch, return or throw in between. javac copies a field's
 * initialiser into every constructor ahead of its body, so {@code private SecureRandom rng =
 * weak(); Vault() { rng = strong(); }} writes twice, and only the second value is ever seen.
 */
final class OverwrittenWrites {

  private OverwrittenWrites() {}

  /** Whether {@code write}, in the method named {@code method}, is overwritten before any use. */
  static boolean overwritten(FieldInsnNode write, String method) {
    if (!method.equals("<init>") && !method.equals("<clinit>")) {
      return false;
    }
    for (AbstractInsnNode insn = write.getNext(); insn != null; insn = insn.getNext()) {
      int op = insn.getOpcode();
      if (insn instanceof JumpInsnNode
          || insn instanceof TableSwitchInsnNode
          || insn instanceof LookupSwitchInsnNode
          || (op >= Opcodes.IRETURN && op <= Opcodes.RETURN)
          || op == Opcodes.ATHROW) {
        return false;
      }
      if (insn instanceof FieldInsnNode f
          && f.getOpcode() == write.getOpcode()
          && f.owner.equals(write.owner)
          && f.name.equals(write.name)) {
        return true;
      }
    }
    return false;
  }
}
