package dev.keyaudit.agent.instrument;

import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.lang.instrument.UnmodifiableClassException;
import java.security.ProtectionDomain;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.jar.asm.ClassReader;
import net.bytebuddy.jar.asm.ClassVisitor;
import net.bytebuddy.jar.asm.ClassWriter;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.jar.asm.Opcodes;
import net.bytebuddy.jar.asm.Type;

/**
 * Weaves the dispatcher calls into the JCA engine classes of {@code java.base} (not into providers,
 * so every provider and provider order is covered) and into key pair generators that extend {@code
 * KeyPairGenerator} directly. A plain {@link ClassFileTransformer} over ASM: for a handful of
 * methods, ByteBuddy's type matching and advice compilation cost more start-up time (about 1,100
 * classes loaded) than the weaving itself.
 */
public final class JcaTransformer implements ClassFileTransformer {

  private final List<String> candidatePrefixes;
  private final KeyPairGeneratorTypes keyPairGenerators = new KeyPairGeneratorTypes();
  private volatile Throwable firstError;

  private JcaTransformer(List<String> providerPackages) {
    List<String> prefixes = new ArrayList<>();
    // JDK key pair generators outside java.security extend KeyPairGenerator directly only in
    // sun.security.provider (DSA); everything else goes through KeyPairGenerator$Delegate
    prefixes.add("java/security/");
    prefixes.add("sun/security/provider/");
    // common third-party providers whose generators extend KeyPairGenerator directly; they are
    // often registered by the application after start-up, so premain cannot list them
    for (String p :
        List.of("org.bouncycastle", "com.ibm.crypto", "com.oracle.jipher", "com.amazon.corretto")) {
      prefixes.add(p.replace('.', '/') + "/");
    }
    for (String p : providerPackages) {
      prefixes.add(p.replace('.', '/') + "/");
    }
    this.candidatePrefixes = List.copyOf(prefixes);
  }

  /**
   * Installs the transformer and retransforms the already loaded targets.
   *
   * @param providerPackages packages of installed third-party providers whose key pair generators
   *     extend {@code KeyPairGenerator} directly (BouncyCastle...)
   */
  public static ClassFileTransformer install(Instrumentation inst, List<String> providerPackages) {
    JcaTransformer transformer = new JcaTransformer(providerPackages);
    transformer.warmUp();
    inst.addTransformer(transformer, true);
    List<Class<?>> loaded = new ArrayList<>();
    for (Class<?> c : inst.getAllLoadedClasses()) {
      if (inst.isModifiableClass(c) && transformer.isTarget(c)) {
        loaded.add(c);
      }
    }
    retransform(inst, loaded);
    return transformer;
  }

  private static void retransform(Instrumentation inst, List<Class<?>> classes) {
    if (classes.isEmpty()) {
      return;
    }
    try {
      inst.retransformClasses(classes.toArray(new Class<?>[0]));
    } catch (UnmodifiableClassException | RuntimeException | LinkageError e) {
      // one bad class must not cost the others their instrumentation
      for (Class<?> c : classes) {
        try {
          inst.retransformClasses(c);
        } catch (UnmodifiableClassException | RuntimeException | LinkageError ignored) {
          // left as it is
        }
      }
    }
  }

  /** Loads every class weaving needs before any transformation can depend on it. */
  private void warmUp() {
    try (var in = ClassLoader.getSystemResourceAsStream("javax/crypto/KeyGenerator.class")) {
      if (in != null) {
        weave(in.readAllBytes(), "javax/crypto/KeyGenerator", null, null);
      }
      keyPairGenerators.isSubclass("java/security/KeyPairGeneratorSpi", null);
    } catch (Exception | LinkageError ignored) {
      // the first real transformation loads them instead
    }
  }

  /** The first error a transformation hit, or null (tests and the verbose start-up line). */
  public Throwable firstError() {
    return firstError;
  }

  @Override
  public byte[] transform(
      ClassLoader loader,
      String className,
      Class<?> classBeingRedefined,
      ProtectionDomain protectionDomain,
      byte[] classfileBuffer) {
    if (className == null || !isCandidate(className)) {
      return null;
    }
    try {
      return weave(classfileBuffer, className, loader, classBeingRedefined);
    } catch (Throwable t) {
      // the class stays as it was; the application runs on
      if (firstError == null) {
        firstError = t;
        System.err.println("[keyaudit-agent] could not instrument " + className + ": " + t);
      }
      return null;
    }
  }

  private boolean isCandidate(String className) {
    if (className.startsWith("dev/keyaudit/agent/")) {
      return false;
    }
    if (className.equals("javax/crypto/KeyGenerator")
        || className.equals("javax/crypto/spec/SecretKeySpec")) {
      return true;
    }
    for (String p : candidatePrefixes) {
      if (className.startsWith(p)) {
        return true;
      }
    }
    return false;
  }

  /** For the retransformation of loaded classes: the same choice, from the loaded class. */
  private boolean isTarget(Class<?> c) {
    String name = c.getName().replace('.', '/');
    if (!isCandidate(name) || c.isInterface() || c.isArray()) {
      return false;
    }
    return exactTarget(name) || java.security.KeyPairGenerator.class.isAssignableFrom(c);
  }

  private static boolean exactTarget(String name) {
    return switch (name) {
      case "javax/crypto/KeyGenerator",
          "javax/crypto/spec/SecretKeySpec",
          "java/security/KeyPairGenerator",
          "java/security/SecureRandom",
          "java/security/KeyFactory" ->
          true;
      default -> false;
    };
  }

  private byte[] weave(
      byte[] bytes, String className, ClassLoader loader, Class<?> classBeingRedefined) {
    ClassReader reader = new ClassReader(bytes);
    boolean keyPairGenerator =
        !exactTarget(className)
            && (reader.getAccess() & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_INTERFACE)) == 0
            && (classBeingRedefined != null
                ? java.security.KeyPairGenerator.class.isAssignableFrom(classBeingRedefined)
                : reader.getSuperName() != null
                    && keyPairGenerators.isSubclass(reader.getSuperName(), loader));
    if (!exactTarget(className) && !keyPairGenerator) {
      return null;
    }
    Map<String, Hook> plan = new HashMap<>();
    Map<String, Integer> maxLocals = new HashMap<>();
    reader.accept(
        new Planner(className, keyPairGenerator, plan, maxLocals), ClassReader.SKIP_FRAMES);
    if (plan.isEmpty()) {
      return null;
    }
    ClassWriter writer = new ClassWriter(reader, 0);
    reader.accept(new HookWeaver(writer, plan, maxLocals), ClassReader.EXPAND_FRAMES);
    return writer.toByteArray();
  }

  /** Which hook each method gets, and its original {@code max_locals}. */
  private static final class Planner extends ClassVisitor {
    private final String className;
    private final boolean keyPairGenerator;
    private final Map<String, Hook> plan;
    private final Map<String, Integer> maxLocals;

    Planner(
        String className,
        boolean keyPairGenerator,
        Map<String, Hook> plan,
        Map<String, Integer> maxLocals) {
      super(Opcodes.ASM9);
      this.className = className;
      this.keyPairGenerator = keyPairGenerator;
      this.plan = plan;
      this.maxLocals = maxLocals;
    }

    @Override
    public MethodVisitor visitMethod(
        int access, String name, String descriptor, String signature, String[] exceptions) {
      if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0) {
        return null;
      }
      Hook hook = hookFor(name, descriptor);
      if (hook == null) {
        return null;
      }
      String key = name + descriptor;
      plan.put(key, hook);
      return new MethodVisitor(Opcodes.ASM9) {
        @Override
        public void visitMaxs(int maxStack, int locals) {
          maxLocals.put(key, locals);
        }
      };
    }

    private Hook hookFor(String name, String descriptor) {
      if (keyPairGenerator) {
        if (name.equals("initialize")) {
          return Hook.INIT;
        }
        return name.equals("generateKeyPair") && descriptor.startsWith("()") ? Hook.GENERATE : null;
      }
      return switch (className) {
        case "javax/crypto/KeyGenerator" ->
            name.equals("init")
                ? Hook.INIT
                : name.equals("generateKey") && descriptor.startsWith("()") ? Hook.GENERATE : null;
        case "java/security/KeyPairGenerator" -> name.equals("initialize") ? Hook.INIT : null;
        case "java/security/SecureRandom" -> secureRandomHook(name, descriptor);
        case "javax/crypto/spec/SecretKeySpec" -> name.equals("<init>") ? Hook.KEY_BUILT : null;
        case "java/security/KeyFactory" ->
            name.equals("generatePrivate") && Type.getArgumentTypes(descriptor).length == 1
                ? Hook.KEY_LOADED
                : null;
        default -> null;
      };
    }

    private static Hook secureRandomHook(String name, String descriptor) {
      return switch (name) {
        case "nextBytes", "generateSeed" -> Hook.RNG_USED;
        case "setSeed" -> descriptor.equals("([B)V") ? Hook.RNG_SEEDED : null;
        case "reseed" -> Hook.RNG_RESEEDED;
        case "<init>" -> Hook.RNG_CREATED;
        default -> null;
      };
    }
  }
}
