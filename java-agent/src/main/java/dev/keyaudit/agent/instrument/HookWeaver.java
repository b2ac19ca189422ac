package dev.keyaudit.agent.instrument;

import java.util.Map;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;

/**
 * Weaves the planned hooks into a class. Scoped hooks need a local for their "scope opened" flag;
 * it is put above the method's own locals ({@code maxLocals} from a first read of the class), so no
 * original instruction changes.
 */
final class HookWeaver extends ClassVisitor {

  private final Map<String, Hook> plan;
  private final Map<String, Integer> maxLocals;
  private String owner;

  /**
   * @param plan the hook per method, keyed by name + descriptor
   * @param maxLocals the original {@code max_locals} per method, same keys
   */
  HookWeaver(ClassVisitor next, Map<String, Hook> plan, Map<String, Integer> maxLocals) {
    super(Opcodes.ASM9, next);
    this.plan = plan;
    this.maxLocals = maxLocals;
  }

  @Override
  public void visit(
      int version,
      int access,
      String name,
      String signature,
      String superName,
      String[] interfaces) {
    owner = name;
    super.visit(version, access, name, signature, superName, interfaces);
  }

  @Override
  public MethodVisitor visitMethod(
      int access, String name, String descriptor, String signature, String[] exceptions) {
    MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
    Hook hook = plan.get(name + descriptor);
    if (hook == null || mv == null) {
      return mv;
    }
    if (hook.scoped) {
      return new ScopedHookMethod(mv, hook, owner, descriptor, maxLocals.get(name + descriptor));
    }
    return new SimpleHookMethod(mv, hook, owner, descriptor);
  }
}
