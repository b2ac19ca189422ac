package dev.keyaudit.agent.instrument;

import dev.keyaudit.agent.bootstrap.Dispatcher;
import dev.keyaudit.agent.event.CallSites;
import dev.keyaudit.agent.event.CallerLocator;
import java.lang.instrument.ClassFileTransformer;
import java.nio.charset.StandardCharsets;
import java.security.ProtectionDomain;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.Label;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Marks each direct {@code generateKey()}/{@code generateKeyPair()}/{@code genKeyPair()} call in an
 * application class as it loads: right before the call, {@link Dispatcher#callSite} receives the
 * generator, the calling class and a site registered in {@link CallSites} with the method, file and
 * line a stack walk would report. Walking the stack was the largest cost of an event on the
 * application thread (about 1 µs on JDK 25); keys made through reflection, method handles, the JDK
 * itself (TLS) or classes loaded before the agent are still located by walking.
 *
 * <p>Only classes in unnamed modules whose loader sees the bootstrap dispatcher are marked (a named
 * module does not read the bootstrap class path's unnamed module). Classes are never retransformed.
 * A class that cannot be marked loads unchanged.
 */
public final class CallSiteTransformer implements ClassFileTransformer {

  private static final String DISPATCHER = Type.getInternalName(Dispatcher.class);
  private static final String MARK = "(Ljava/lang/Object;Ljava/lang/Class;I)V";

  /** A class file that names none of these cannot contain a marked call: skipped unparsed. */
  private static final byte[][] NEEDLES = {ascii("generateKey"), ascii("genKeyPair")};

  /** Per class loader: whether it resolves the dispatcher to the bootstrap class. */
  private final Map<ClassLoader, Boolean> loaders =
      Collections.synchronizedMap(new WeakHashMap<>());

  /** Set while this thread asks a loader for the dispatcher (that may load other classes). */
  private final ThreadLocal<Boolean> probing = new ThreadLocal<>();

  @Override
  public byte[] transform(
      Module module,
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    if (loader == null
        || classBeingRedefined != null
        || className == null
        || module.isNamed()
        || CallerLocator.isInfrastructure(className.replace('/', '.'))
        || !mentionsGeneration(classfileBuffer) // a scan of the whole class file: after the name
        || !seesDispatcher(loader)) {
      return null;
    }
    try {
      return mark(classfileBuffer);
    } catch (RuntimeException | LinkageError e) {
      return null; // loads unmarked: its keys are located by walking the stack
    }
  }

  /** The class with marked call sites, or null when it has none (or predates {@code ldc} class). */
  static byte[] mark(byte[] classFile) {
    ClassReader reader = new ClassReader(classFile);
    if (reader.readUnsignedShort(6) < Opcodes.V1_5) {
      return null;
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    Marker marker = new Marker(writer);
    reader.accept(marker, 0);
    return marker.marked ? writer.toByteArray() : null;
  }

  static boolean mentionsGeneration(byte[] classFile) {
    for (byte[] needle : NEEDLES) {
      if (indexOf(classFile, needle) >= 0) {
        return true;
      }
    }
    return false;
  }

  private boolean seesDispatcher(ClassLoader loader) {
    Boolean known = loaders.get(loader);
    if (known != null) {
      return known;
    }
    if (probing.get() != null) {
      return false;
    }
    probing.set(Boolean.TRUE);
    boolean sees;
    try {
      sees = Class.forName(Dispatcher.class.getName(), false, loader) == Dispatcher.class;
    } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
      sees = false;
    } finally {
      probing.remove();
    }
    loaders.put(loader, sees);
    return sees;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  private static boolean isGeneration(int opcode, String name, String descriptor) {
    return opcode == Opcodes.INVOKEVIRTUAL
        && switch (name) {
          case "generateKeyPair", "genKeyPair" -> descriptor.equals("()Ljava/security/KeyPair;");
          case "generateKey" -> descriptor.equals("()Ljavax/crypto/SecretKey;");
          default -> false;
        };
  }

  /** Inserts the marker before every matching call; remembers whether it inserted any. */
  private static final class Marker extends ClassVisitor {

    private String owner;
    private String className;
    private String file;
    boolean marked;

    Marker(ClassVisitor next) {
      super(Opcodes.ASM9, next);
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
      className = name.replace('/', '.');
      super.visit(version, access, name, signature, superName, interfaces);
    }

    @Override
    public void visitSource(String source, String debug) {
      file = source;
      super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
      return new MethodVisitor(Opcodes.ASM9, next) {
        private int line = -1;
        private boolean markedHere;

        @Override
        public void visitLineNumber(int number, Label start) {
          line = number;
          super.visitLineNumber(number, start);
        }

        @Override
        public void visitMethodInsn(
            int opcode, String callOwner, String callName, String callDesc, boolean itf) {
          if (isGeneration(opcode, callName, callDesc)) {
            int site = CallSites.register(className, name, file, line);
            if (site > 0) {
              // the receiver is on top of the stack (no arguments): pass a copy with the site
              super.visitInsn(Opcodes.DUP);
              super.visitLdcInsn(Type.getObjectType(owner));
              super.visitLdcInsn(site);
              super.visitMethodInsn(Opcodes.INVOKESTATIC, DISPATCHER, "callSite", MARK, false);
              markedHere = true;
              marked = true;
            }
          }
          super.visitMethodInsn(opcode, callOwner, callName, callDesc, itf);
        }

        @Override
        public void visitMaxs(int maxStack, int maxLocals) {
          // the copy, the class and the site sit above the receiver
          super.visitMaxs(markedHere ? maxStack + 3 : maxStack, maxLocals);
        }
      };
    }
  }
}
