package dev.keyaudit.agent.instrument;

import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * A hook that runs on entry or before each normal return and never changes control flow: the {@code
 * SecureRandom}, {@code SecretKeySpec} and {@code KeyFactory} observations. The dispatcher methods
 * it calls catch everything themselves.
 */
final class SimpleHookMethod extends MethodVisitor {

  static final String DISPATCHER = "dev/keyaudit/agent/bootstrap/Dispatcher";

  /** The most any hook here pushes on top of the method's own stack. */
  private static final int EXTRA_STACK = 3;

  private final Hook hook;
  private final String owner;

  SimpleHookMethod(MethodVisitor next, Hook hook, String owner, String descriptor) {
    super(Opcodes.ASM9, next);
    this.hook = hook;
    this.owner = owner;
  }

  @Override
  public void visitCode() {
    super.visitCode();
    if (hook == Hook.RNG_USED) {
      super.visitVarInsn(Opcodes.ALOAD, 0);
      call("rngUsed", "(Ljava/lang/Object;)V");
    }
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode == Opcodes.RETURN || opcode == Opcodes.ARETURN) {
      beforeReturn();
    }
    super.visitInsn(opcode);
  }

  private void beforeReturn() {
    switch (hook) {
      case RNG_SEEDED, RNG_RESEEDED -> {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitInsn(hook == Hook.RNG_RESEEDED ? Opcodes.ICONST_1 : Opcodes.ICONST_0);
        call("rngSeeded", "(Ljava/lang/Object;Z)V");
      }
      case RNG_CREATED -> {
        super.visitVarInsn(Opcodes.ALOAD, 0);
        call("rngCreated", "(Ljava/lang/Object;)V");
      }
      case KEY_BUILT -> {
        // read inside SecretKeySpec itself, so its private fields are accessible
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitFieldInsn(Opcodes.GETFIELD, owner, "algorithm", "Ljava/lang/String;");
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitFieldInsn(Opcodes.GETFIELD, owner, "key", "[B");
        call("keyBuilt", "(Ljava/lang/String;[B)V");
      }
      case KEY_LOADED -> {
        // stack: key -> key, key, factory -> key, factory, key
        super.visitInsn(Opcodes.DUP);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        super.visitInsn(Opcodes.SWAP);
        call("keyLoaded", "(Ljava/lang/Object;Ljava/lang/Object;)V");
      }
      default -> {
        // RNG_USED runs on entry
      }
    }
  }

  private void call(String method, String descriptor) {
    super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, method, descriptor, false);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    super.visitMaxs(maxStack + EXTRA_STACK, maxLocals);
  }
}
