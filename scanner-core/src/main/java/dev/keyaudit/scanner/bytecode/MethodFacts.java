package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.facts.AlgorithmUse;
import dev.keyaudit.rules.facts.KeyDerivation;
import dev.keyaudit.rules.facts.KeyPassword;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.facts.SecretKeyConstruction;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.bytecode.Markers.NewSite;
import dev.keyaudit.scanner.bytecode.Markers.Taint;
import dev.keyaudit.scanner.bytecode.Tracked.Kind;
import dev.keyaudit.scanner.jca.ConstValues.Bytes;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import dev.keyaudit.scanner.jca.ConstValues.ParamSpec;
import dev.keyaudit.scanner.jca.InitState;
import dev.keyaudit.scanner.jca.JcaApi;
import dev.keyaudit.scanner.jca.RngSpecs;
import dev.keyaudit.scanner.jca.SecureRandomRequest;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.AbstractInsnNode;
import org.objectweb.asm.tree.InvokeDynamicInsnNode;
import org.objectweb.asm.tree.LdcInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;
import org.objectweb.asm.tree.MethodNode;
import org.objectweb.asm.tree.analysis.Frame;

/**
 * Reads the facts of one interpreted method from its frames: every crypto API call with the values
 * of its arguments as they were just before the call (algorithm uses, key specs, passwords,
 * derivation parameters, seeds, generator initialisations and generate calls), and string constants
 * that hold private keys. The API coverage follows the source frontend's.
 */
final class MethodFacts {

  private final ClassContext cx;
  private final Values values;

  MethodFacts(ClassContext cx) {
    this.cx = cx;
    this.values = new Values(cx);
  }

  static boolean isInit(Tracked g, MethodInsnNode call) {
    String name = g.kind == Kind.KEY_GENERATOR ? "init" : "initialize";
    int n = Type.getArgumentTypes(call.desc).length;
    return call.name.equals(name) && n >= 1 && n <= 2;
  }

  void read(MethodNode method, Frame<SymValue>[] frames) {
    for (int i = 0; i < frames.length; i++) {
      StateFrame frame = (StateFrame) frames[i];
      if (frame == null) {
        continue; // unreachable code
      }
      AbstractInsnNode insn = method.instructions.get(i);
      if (insn instanceof LdcInsnNode ldc && ldc.cst instanceof String s) {
        cx.keyString(ldc, s);
      } else if (insn instanceof InvokeDynamicInsnNode indy
          && indy.bsmArgs.length > 0
          && indy.bsmArgs[0] instanceof String recipe) {
        cx.keyStringsIn(indy, recipe);
      } else if (insn instanceof MethodInsnNode call) {
        call(call, frame);
      }
    }
  }

  /** The arguments of a call as they are on the stack just before it (receiver first). */
  private static List<SymValue> rawArgs(MethodInsnNode call, Frame<SymValue> frame) {
    int n = Type.getArgumentTypes(call.desc).length;
    if (call.getOpcode() != Opcodes.INVOKESTATIC) {
      n++;
    }
    List<SymValue> out = new ArrayList<>(n);
    for (int i = frame.getStackSize() - n; i < frame.getStackSize(); i++) {
      out.add(frame.getStack(i));
    }
    return out;
  }

  private void call(MethodInsnNode call, StateFrame frame) {
    List<SymValue> raw = rawArgs(call, frame);
    List<SymValue> args = new ArrayList<>(raw.size());
    raw.forEach(v -> args.add(cx.resolve(v)));
    String owner = ValueCalls.fqn(call.owner);
    if (call.getOpcode() == Opcodes.INVOKESTATIC) {
      staticCall(call, owner, args);
      return;
    }
    List<SymValue> params = args.subList(1, args.size());
    if (call.name.equals("<init>")) {
      for (Object o : raw.get(0).objects) {
        if (o instanceof NewSite site) {
          new Site(call, Location.line(cx.path, site.line), params).construct(owner);
        }
      }
      return;
    }
    new Site(call, cx.at(call), params).instanceCall(owner, args.get(0), frame);
  }

  private void staticCall(MethodInsnNode call, String owner, List<SymValue> params) {
    Site site = new Site(call, cx.at(call), params);
    if (JcaApi.ALGORITHM_ENGINES.contains(owner)
        && call.name.equals("getInstance")
        && !params.isEmpty()) {
      cx.fact(new AlgorithmUse(site.at, JcaApi.simpleName(owner), site.string(0, "algorithm")));
    } else if (owner.equals(JcaApi.KEY_STORE)
        && call.name.equals("getInstance")
        && params.size() == 2
        && "[C".equals(Type.getArgumentTypes(call.desc)[1].getDescriptor())) {
      site.password("KeyStore.getInstance", 1);
    }
  }

  /** One call: its location and arguments. */
  private final class Site {
    final MethodInsnNode call;
    final Location at;
    final List<SymValue> params;

    Site(MethodInsnNode call, Location at, List<SymValue> params) {
      this.call = call;
      this.at = at;
      this.params = params;
    }

    TraceStep argument(String what) {
      return new TraceStep(at, "argument " + what + " of " + callee());
    }

    private String callee() {
      String owner = SymbolicInterpreter.simple(call.owner).replace('$', '.');
      return call.name.equals("<init>") ? "new " + owner + "()" : owner + "." + call.name + "()";
    }

    Value<String> string(int i, String what) {
      return values.string(params.get(i), argument(what));
    }

    Value<Integer> integer(int i, String what) {
      return values.integer(params.get(i), argument(what));
    }

    Value<Secret> secret(int i, String what) {
      return values.secret(params.get(i), argument(what));
    }

    String descriptor(int i) {
      return Type.getArgumentTypes(call.desc)[i].getDescriptor();
    }

    /** Non-cryptographic output reaching this argument marks its source's sink. */
    void sink(int i, RandomSink sink, String what) {
      SymValue v = values.withArrays(params.get(i));
      for (Object o : v.objects) {
        if (o instanceof Taint taint) {
          taint.source().sinks.add(new Tracked.Sink(sink, argument(what)));
        }
      }
    }

    void password(String api, int i) {
      SymValue v = params.get(i);
      if (v.single() == Marker.NULL) {
        return;
      }
      sink(i, RandomSink.PASSWORD, "password");
      cx.fact(new KeyPassword(at, api, secret(i, "password")));
    }

    void construct(String type) {
      int n = params.size();
      switch (type) {
        case JcaApi.SECURE_RANDOM -> {
          if (n == 1) {
            seed(cx.resolve(params.get(0)), "new SecureRandom(byte[])", 0, true);
          }
        }
        case JcaApi.RANDOM, JcaApi.SPLITTABLE_RANDOM -> {
          if (n == 1) {
            seed(null, "new " + JcaApi.simpleName(type) + "(long)", 0, true);
          }
        }
        case JcaApi.SECRET_KEY_SPEC -> {
          if (n == 2 || n == 4) {
            keySpec("SecretKeySpec", string(n - 1, "algorithm"), keyMaterial(n == 4));
          }
        }
        case JcaApi.DES_KEY_SPEC, JcaApi.DESEDE_KEY_SPEC -> {
          if (n >= 1) {
            keySpec(JcaApi.simpleName(type), null, keyMaterial(false));
          }
        }
        case JcaApi.PKCS8_KEY_SPEC, JcaApi.X509_KEY_SPEC -> {
          if (n >= 1) {
            keySpec(
                JcaApi.simpleName(type),
                n == 2 ? string(1, "algorithm") : null,
                keyMaterial(false));
          }
        }
        case JcaApi.RSA_PRIVATE_KEY_SPEC -> bigIntegerKey(type, 1);
        case JcaApi.RSA_PRIVATE_CRT_KEY_SPEC -> bigIntegerKey(type, 2);
        case JcaApi.RSA_PUBLIC_KEY_SPEC, JcaApi.EC_PRIVATE_KEY_SPEC -> bigIntegerKey(type, 0);
        case JcaApi.IV_PARAMETER_SPEC, JcaApi.CHACHA20_PARAMETER_SPEC -> {
          if (n >= 1) {
            sink(0, RandomSink.IV, "IV");
          }
        }
        case JcaApi.GCM_PARAMETER_SPEC -> {
          if (n >= 2) {
            sink(1, RandomSink.IV, "IV");
          }
        }
        case JcaApi.PBE_KEY_SPEC -> {
          if (n >= 1) {
            password("PBEKeySpec", 0);
          }
          if (n >= 3) {
            derivation("PBEKeySpec", 1, 2, n == 4 ? 3 : -1);
          }
        }
        case JcaApi.PBE_PARAMETER_SPEC -> {
          if (n >= 2) {
            derivation("PBEParameterSpec", 0, 1, -1);
          }
        }
        case JcaApi.PASSWORD_PROTECTION -> {
          if (n >= 1) {
            password("KeyStore.PasswordProtection", 0);
          }
        }
        default -> {
          // not a constructor that yields a fact
        }
      }
    }

    private Value<Secret> keyMaterial(boolean sliced) {
      sink(0, RandomSink.KEY_MATERIAL, "key material");
      if (!sliced) {
        return secret(0, "key material");
      }
      Object offset = params.get(1).single();
      Object length = params.get(2).single();
      if (!(offset instanceof Integer off) || !(length instanceof Integer len)) {
        return Value.unknown("offset or length not a constant");
      }
      SymValue bytes = values.withArrays(params.get(0));
      SymValue slice =
          bytes.mapCands(
              null,
              c -> {
                if (c.value() instanceof Bytes b) {
                  Bytes part = b.slice(off, len);
                  return part == null ? null : c.withValue(part);
                }
                return null;
              },
              bytes.isKnown() ? "not constant bytes" : bytes.unknown);
      return values.secret(slice, argument("key material"));
    }

    private void keySpec(String api, Value<String> algorithm, Value<Secret> material) {
      cx.fact(new SecretKeyConstruction(at, api, algorithm, material));
    }

    private void bigIntegerKey(String type, int arg) {
      if (params.size() > arg) {
        keySpec(JcaApi.simpleName(type), null, secret(arg, "key material"));
      }
    }

    private void derivation(String api, int salt, int iterations, int keyLength) {
      sink(salt, RandomSink.SALT, "salt");
      Value<Integer> length = keyLength < 0 ? null : integer(keyLength, "key length");
      cx.fact(
          new KeyDerivation(
              at, api, secret(salt, "salt"), integer(iterations, "iteration count"), length));
    }

    /** A seed; {@code receiver} null means the object being constructed by this call. */
    private void seed(SymValue receiver, String api, int arg, boolean constructing) {
      Value<SeedSource> seed = values.seed(params.get(arg), argument("seed"));
      sink(arg, RandomSink.SEED, "seed");
      List<Tracked> targets = new ArrayList<>();
      if (constructing) {
        if (cx.sites.get(call) instanceof Tracked t) {
          targets.add(t);
        }
      } else {
        for (Object o : receiver.objects) {
          if (o instanceof Tracked t && !t.isGenerator()) {
            targets.add(t);
          }
        }
      }
      if (targets.isEmpty()) {
        // Seeding an object created elsewhere: the fact stands on its own.
        String owner = ValueCalls.fqn(call.owner);
        String rngType =
            owner.equals(JcaApi.RANDOM) ? "java.util.Random" : JcaApi.simpleName(owner);
        cx.fact(new RngSeeding(at, api, rngType, seed, true));
        return;
      }
      for (Tracked t : targets) {
        t.seeds.add(new Tracked.Seed(at, api, seed, constructing || !drawnBefore(t)));
      }
    }

    private StateFrame frame;

    private boolean drawnBefore(Tracked t) {
      return frame != null && frame.drawn.contains(t);
    }

    void instanceCall(String owner, SymValue receiver, StateFrame frame) {
      this.frame = frame;
      for (Object o : receiver.objects) {
        if (o instanceof Tracked g && g.isGenerator()) {
          generatorCall(g, frame);
        }
      }
      int n = params.size();
      switch (owner) {
        case JcaApi.SECURE_RANDOM, JcaApi.RANDOM, JcaApi.SPLITTABLE_RANDOM -> {
          if (call.name.equals("setSeed") && n == 1) {
            seed(receiver, "setSeed", 0, false);
          }
        }
        case JcaApi.KEY_STORE -> keyStoreCall(n);
        case JcaApi.KEY_MANAGER_FACTORY -> {
          if (call.name.equals("init") && n == 2) {
            password("KeyManagerFactory.init", 1);
          }
        }
        default -> {
          // no fact
        }
      }
    }

    private void keyStoreCall(int n) {
      switch (call.name) {
        case "load", "store", "getKey" -> {
          if (n == 2 && descriptor(1).equals("[C")) {
            password("KeyStore." + call.name, 1);
          }
        }
        case "setKeyEntry" -> {
          if (n == 4 && descriptor(2).equals("[C")) {
            password("KeyStore.setKeyEntry", 2);
          }
        }
        default -> {
          // no fact
        }
      }
    }

    private void generatorCall(Tracked g, StateFrame frame) {
      if (isInit(g, call)) {
        InitState state = cx.initCalls.computeIfAbsent(call, k -> initState());
        cx.inits(g).add(state);
        return;
      }
      if (call.name.equals("generateKey")
          || call.name.equals("generateKeyPair")
          || call.name.equals("genKeyPair")) {
        g.generates.add(new Tracked.Generate(at, frame.initStates(g)));
      }
    }

    private InitState initState() {
      Type[] types = Type.getArgumentTypes(call.desc);
      Value<Integer> size = null;
      Value<String> curve = null;
      int rngArg = -1;
      SymValue first = params.get(0);
      String firstType = types[0].getDescriptor();
      if (first.single() instanceof ParamSpec spec) {
        TraceStep step = argument("parameter spec");
        size = spec.size() == null ? null : SecureRandomRequest.appendStep(spec.size(), step);
        curve = spec.curve() == null ? null : SecureRandomRequest.appendStep(spec.curve(), step);
        rngArg = types.length == 2 ? 1 : -1;
      } else if (firstType.equals("Ljava/security/SecureRandom;")) {
        rngArg = 0;
      } else if (firstType.equals("I")) {
        size = integer(0, "key size");
        rngArg = types.length == 2 ? 1 : -1;
      } else {
        String why = first.isKnown() ? "parameter spec not known" : first.unknown;
        size = Value.unknown(why);
        curve = Value.unknown(why);
        rngArg = types.length == 2 ? 1 : -1;
      }
      RngSpec rng =
          rngArg >= 0
              ? rngSpec(cx, cx.resolve(params.get(rngArg)), argument("SecureRandom"))
              : RngSpec.notSpecified();
      return InitState.init(size, curve, rng, at);
    }
  }

  /**
   * The SecureRandom handed to a generator, resolved where it was created: in this class, else
   * wherever the project-wide engine finds it (a field set elsewhere, a caller's argument, a
   * factory).
   */
  static RngSpec rngSpec(ClassContext cx, SymValue value, TraceStep step) {
    if (value.single() == Marker.NULL) {
      return RngSpec.notSpecified();
    }
    Tracked rng = null;
    for (Object o : value.objects) {
      if (o instanceof Tracked t && !t.isGenerator()) {
        rng = t;
        break;
      }
    }
    if (rng == null && cx.resolver != null && Ir.has(value)) {
      RngSpec resolved = RngSpecs.of(cx.resolver.resolve(Ir.of(value)), step);
      if (resolved != null) {
        return resolved;
      }
    }
    if (rng == null) {
      String why = value.isKnown() ? "SecureRandom not created in this class" : value.unknown;
      return new RngSpec(true, Value.unknown(why), Value.unknown(why), Value.unknown(why));
    }
    if (rng.kind != Kind.SECURE_RANDOM) {
      return new RngSpec(true, Value.known(rng.api, List.of(rng.creationStep(), step)), null, null);
    }
    return new RngSpec(
        true,
        SecureRandomRequest.appendStep(rng.algorithm, step),
        rng.drbgStrength == null ? null : SecureRandomRequest.appendStep(rng.drbgStrength, step),
        rng.drbgCapability == null
            ? null
            : SecureRandomRequest.appendStep(rng.drbgCapability, step));
  }
}
