package dev.keyaudit.agent.instrument;

import static dev.keyaudit.agent.instrument.SimpleHookMethod.DISPATCHER;

import java.util.ArrayList;
import java.util.List;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * {@code init}/{@code initialize} and {@code generateKey}/{@code generateKeyPair}: the dispatcher
 * opens a scope on entry (it may throw an enforce decision there), and every exit closes it: each
 * normal return calls the exit hook (which may throw a decision too), and a catch-all handler
 * around the original code calls it for a thrown exception and rethrows.
 *
 * <p>The "scope opened" flag lives in a new local above the method's own, added to every stack map
 * frame (the class is read with expanded frames). The exit code at each return is left out of the
 * handler's ranges, so a decision thrown there is not caught and reported twice.
 */
final class ScopedHookMethod extends MethodVisitor {

  /** Entry builds the argument array: array, array, index, a long or double value. */
  private static final int EXTRA_STACK = 6;

  private final Hook hook;
  private final String descriptor;
  private final int flag;
  private final String owner;
  private final List<Label[]> ranges = new ArrayList<>();
  private Label rangeStart;

  ScopedHookMethod(
      MethodVisitor next, Hook hook, String owner, String descriptor, int originalMaxLocals) {
    super(Opcodes.ASM9, next);
    this.hook = hook;
    this.descriptor = descriptor;
    this.flag = originalMaxLocals;
    this.owner = owner;
  }

  @Override
  public void visitCode() {
    super.visitCode();
    super.visitVarInsn(Opcodes.ALOAD, 0);
    if (hook == Hook.INIT) {
      pushArguments();
      call("enterInit", "(Ljava/lang/Object;[Ljava/lang/Object;)Z");
    } else {
      call("enterGeneration", "(Ljava/lang/Object;)Z");
    }
    super.visitVarInsn(Opcodes.ISTORE, flag);
    startRange();
  }

  /** The arguments as an {@code Object[]}, primitives boxed. */
  private void pushArguments() {
    Type[] args = Type.getArgumentTypes(descriptor);
    super.visitIntInsn(Opcodes.BIPUSH, args.length);
    super.visitTypeInsn(Opcodes.ANEWARRAY, "java/lang/Object");
    int slot = 1;
    for (int i = 0; i < args.length; i++) {
      Type t = args[i];
      super.visitInsn(Opcodes.DUP);
      super.visitIntInsn(Opcodes.BIPUSH, i);
      super.visitVarInsn(t.getOpcode(Opcodes.ILOAD), slot);
      box(t);
      super.visitInsn(Opcodes.AASTORE);
      slot += t.getSize();
    }
  }

  private void box(Type t) {
    String wrapper =
        switch (t.getSort()) {
          case Type.BOOLEAN -> "java/lang/Boolean";
          case Type.BYTE -> "java/lang/Byte";
          case Type.CHAR -> "java/lang/Character";
          case Type.SHORT -> "java/lang/Short";
          case Type.INT -> "java/lang/Integer";
          case Type.LONG -> "java/lang/Long";
          case Type.FLOAT -> "java/lang/Float";
          case Type.DOUBLE -> "java/lang/Double";
          default -> null;
        };
    if (wrapper != null) {
      super.visitMethodInsn(
          Opcodes.INVOKESTATIC,
          wrapper,
          "valueOf",
          "(" + t.getDescriptor() + ")L" + wrapper + ";",
          false);
    }
  }

  private void startRange() {
    rangeStart = new Label();
    super.visitLabel(rangeStart);
  }

  private void endRange() {
    Label end = new Label();
    super.visitLabel(end);
    ranges.add(new Label[] {rangeStart, end});
  }

  @Override
  public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
    Object[] locals = withFlag(local, numLocal);
    super.visitFrame(type, locals.length, locals, numStack, stack);
  }

  /** {@code local} padded with TOP up to the flag's slot, then the flag (an int). */
  private Object[] withFlag(Object[] local, int numLocal) {
    List<Object> out = new ArrayList<>(numLocal + 4);
    int slots = 0;
    for (int i = 0; i < numLocal; i++) {
      out.add(local[i]);
      slots += local[i] == Opcodes.LONG || local[i] == Opcodes.DOUBLE ? 2 : 1;
    }
    for (; slots < flag; slots++) {
      out.add(Opcodes.TOP);
    }
    out.add(Opcodes.INTEGER);
    return out.toArray();
  }

  @Override
  public void visitInsn(int opcode) {
    if (opcode >= Opcodes.IRETURN && opcode <= Opcodes.RETURN) {
      endRange();
      super.visitVarInsn(Opcodes.ILOAD, flag);
      if (hook == Hook.INIT) {
        call("exitInit", "(Z)V");
      } else {
        // stack: key -> key, opened, this -> key (returned by the dispatcher)
        super.visitVarInsn(Opcodes.ALOAD, 0);
        call("returnedFromGeneration", "(Ljava/lang/Object;ZLjava/lang/Object;)Ljava/lang/Object;");
        super.visitTypeInsn(Opcodes.CHECKCAST, Type.getReturnType(descriptor).getInternalName());
      }
      super.visitInsn(opcode);
      startRange();
      return;
    }
    super.visitInsn(opcode);
  }

  @Override
  public void visitMaxs(int maxStack, int maxLocals) {
    Label handler = new Label();
    boolean any = false;
    for (Label[] r : ranges) {
      if (r[1].getOffset() > r[0].getOffset()) {
        super.visitTryCatchBlock(r[0], r[1], handler, "java/lang/Throwable");
        any = true;
      }
    }
    if (any) {
      super.visitLabel(handler);
      // only this and the flag are read here; TOP for the rest accepts every frame in the ranges
      Object[] locals = withFlag(new Object[] {owner}, 1);
      super.visitFrame(
          Opcodes.F_NEW, locals.length, locals, 1, new Object[] {"java/lang/Throwable"});
      if (hook == Hook.INIT) {
        super.visitVarInsn(Opcodes.ILOAD, flag);
        call("exitInit", "(Z)V");
      } else {
        super.visitInsn(Opcodes.DUP);
        super.visitVarInsn(Opcodes.ILOAD, flag);
        super.visitVarInsn(Opcodes.ALOAD, 0);
        call("thrownFromGeneration", "(Ljava/lang/Throwable;ZLjava/lang/Object;)V");
      }
      super.visitInsn(Opcodes.ATHROW);
    }
    super.visitMaxs(Math.max(maxStack + 3, EXTRA_STACK), Math.max(maxLocals, flag + 1));
  }

  private void call(String method, String desc) {
    super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, method, desc, false);
  }
}
