package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.bytecode.Markers.ArraySite;
import dev.keyaudit.scanner.bytecode.Markers.NewSite;
import dev.keyaudit.scanner.bytecode.Markers.Taint;
import dev.keyaudit.scanner.bytecode.Tracked.Kind;
import dev.keyaudit.scanner.jca.ConstValues;
import dev.keyaudit.scanner.jca.ConstValues.Bytes;
import dev.keyaudit.scanner.jca.ConstValues.Chars;
import dev.keyaudit.scanner.jca.ConstValues.DrbgSpec;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import dev.keyaudit.scanner.jca.ConstValues.ParamSpec;
import dev.keyaudit.scanner.jca.JcaApi;
import dev.keyaudit.scanner.jca.RngObjects;
import dev.keyaudit.scanner.jca.SecureRandomRequest;
import dev.keyaudit.scanner.resolve.Expr;
import dev.keyaudit.scanner.resolve.MethodRef;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.Type;
import org.objectweb.asm.tree.FieldInsnNode;
import org.objectweb.asm.tree.MethodInsnNode;

/**
 * What value-producing calls return while a method is interpreted: generators and random sources
 * (tracked objects), parameter specs, DRBG parameters, {@code String.getBytes}, {@code
 * toCharArray}, Base64 and hex decoding, clock readings, boxing, and the class's own fields.
 * Returns null for a call it does not know, which the interpreter turns into an unknown result.
 */
final class ValueCalls {

  /** Random generator types, by internal name: a call on one of them draws from a generator. */
  private static final Set<String> RANDOM_TYPES =
      Set.of(
          "java/util/Random",
          "java/security/SecureRandom",
          "java/util/SplittableRandom",
          "java/util/concurrent/ThreadLocalRandom");

  static final String DEFAULT_SECURE_RANDOM =
      "new SecureRandom(): platform default (NativePRNG on Linux and macOS, DRBG on Windows)";

  private static final Type STRING = Type.getType(String.class);

  private static final String PROPERTIES = "java.util.Properties";

  private final ClassContext cx;
  private final Values values;
  boolean recordFieldWrites = true;

  ValueCalls(ClassContext cx) {
    this.cx = cx;
    this.values = new Values(cx);
  }

  /** A JCA name for an internal name: {@code java/security/DrbgParameters$Capability} → dots. */
  static String fqn(String internalName) {
    return internalName.replace('/', '.').replace('$', '.');
  }

  // ---- fields -------------------------------------------------------------------------------

  SymValue staticField(FieldInsnNode f) {
    Type type = Type.getType(f.desc);
    if (f.owner.equals(cx.internalName)) {
      return ownField(f, type);
    }
    String owner = fqn(f.owner);
    Object constant =
        switch (owner) {
          case JcaApi.NAMED_PARAMETER_SPEC ->
              switch (f.name) {
                case "X25519", "X448", "ED25519", "ED448" ->
                    new ParamSpec(
                        "NamedParameterSpec", null, Value.known(namedSpec(f.name), List.of()));
                default -> null;
              };
          case JcaApi.DRBG_CAPABILITY ->
              switch (f.name) {
                case "PR_AND_RESEED", "RESEED_ONLY", "NONE" -> f.name;
                default -> null;
              };
          case JcaApi.RSA_KEY_GEN_PARAMETER_SPEC ->
              switch (f.name) {
                case "F0" -> BigInteger.valueOf(3);
                case "F4" -> BigInteger.valueOf(65537);
                default -> null;
              };
          case JcaApi.STANDARD_CHARSETS -> f.name.replace('_', '-');
          default -> null;
        };
    if (constant != null) {
      return SymValue.constant(type, constant, List.of(cx.step(f, owner + "." + f.name)));
    }
    SymValue v = otherField(f, type, owner, f.name);
    // A static field of its own class's type: an enum constant or a singleton.
    return f.desc.equals("L" + f.owner + ";")
        ? v.withObject(new Markers.StaticInstance(owner, f.name))
        : v;
  }

  /** A field of another class: the project may tell what it holds. */
  private SymValue otherField(FieldInsnNode f, Type type, String owner, String name) {
    if (isLibrary(f.owner)) {
      return SymValue.unknown(
          type, "field " + SymbolicInterpreter.simple(f.owner) + "." + f.name + " of the JDK");
    }
    return SymValue.symbolic(
        type,
        new Expr.FieldRef(owner, name, cx.at(f)),
        "field " + SymbolicInterpreter.simple(f.owner) + "." + f.name + " of another class");
  }

  /** JDK classes: never part of the scanned project, so not worth a question to the resolver. */
  static boolean isLibrary(String internalName) {
    return internalName.startsWith("java/")
        || internalName.startsWith("javax/")
        || internalName.startsWith("jdk/")
        || internalName.startsWith("sun/");
  }

  private static String namedSpec(String name) {
    return switch (name) {
      case "ED25519" -> "Ed25519";
      case "ED448" -> "Ed448";
      default -> name;
    };
  }

  SymValue instanceField(FieldInsnNode f, SymValue receiver) {
    Type type = Type.getType(f.desc);
    String owner = fqn(f.owner);
    for (Object o : receiver.objects) {
      if (o instanceof Markers.StaticInstance s && s.owner().equals(owner)) {
        return otherField(f, type, owner, s.name() + "." + f.name);
      }
    }
    if (f.owner.equals(cx.internalName)) {
      return ownField(f, type);
    }
    return otherField(f, type, owner, f.name);
  }

  /**
   * A field of this class: what this class writes to it when that is a set of constants, else what
   * the project-wide resolver finds (setters and constructors called from other classes).
   */
  private SymValue ownField(FieldInsnNode f, Type type) {
    SymValue v = cx.fieldValues.get(f.name);
    Expr ref = new Expr.FieldRef(cx.className, f.name, cx.at(f));
    if (v == null) {
      return SymValue.symbolic(type, ref, "field " + f.name + " not set in this class");
    }
    return v.withExpr(ref).withDescriptor(type);
  }

  /**
   * The IR of a call whose result the class alone cannot tell: a project method, or the
   * implementation of a non-capturing lambda called through its functional interface; null for a
   * library call.
   */
  Expr projectCall(MethodInsnNode call, List<SymValue> args) {
    boolean isStatic = call.getOpcode() == org.objectweb.asm.Opcodes.INVOKESTATIC;
    List<SymValue> params = isStatic ? args : args.subList(1, args.size());
    if (!isStatic && params.isEmpty()) {
      for (Object o : args.get(0).objects) {
        if (o instanceof Markers.LambdaRef lambda && lambda.impl().arity() == 0) {
          return new Expr.Call(lambda.impl(), List.of(), cx.at(call));
        }
      }
    }
    if (isLibrary(call.owner)) {
      return passedThrough(call, params);
    }
    return Ir.bounded(
        new Expr.Call(
            new MethodRef(fqn(call.owner), call.name, params.size()), Ir.of(params), cx.at(call)));
  }

  /**
   * A library call that may pass random output through ({@code Long.toHexString(draw())}, an
   * encoder): its IR when an argument is something only the project can tell, else null.
   */
  private Expr passedThrough(MethodInsnNode call, List<SymValue> params) {
    if (ApiMethods.isApi(call.owner) || params.stream().noneMatch(p -> p.expr != null)) {
      return null;
    }
    return Ir.bounded(
        new Expr.Call(
            new MethodRef(fqn(call.owner), call.name, params.size()), Ir.of(params), cx.at(call)));
  }

  void fieldWrite(FieldInsnNode f, SymValue value) {
    if (recordFieldWrites
        && f.owner.equals(cx.internalName)
        && value != null
        && !OverwrittenWrites.overwritten(f, cx.method.name())) {
      cx.fieldWrites.merge(f.name, value, SymValue::merge);
    }
  }

  // ---- constructors -------------------------------------------------------------------------

  SymValue construct(MethodInsnNode call, NewSite site, List<SymValue> args) {
    String internalType = site.type;
    String type = fqn(internalType);
    Type t = Type.getObjectType(internalType);
    int n = args.size();
    Location at = Location.line(cx.path, site.line);
    switch (type) {
      case JcaApi.SECURE_RANDOM -> {
        if (n <= 1) {
          Tracked rng =
              cx.track(
                  call,
                  () ->
                      new Tracked(
                          Kind.SECURE_RANDOM,
                          "new SecureRandom()",
                          at,
                          Value.providerDefault(null, DEFAULT_SECURE_RANDOM),
                          false,
                          null,
                          null));
          return created(SymValue.object(t, rng), internalType, "<init>", args, at);
        }
        return null;
      }
      case JcaApi.RANDOM, JcaApi.SPLITTABLE_RANDOM -> {
        Tracked source =
            cx.track(
                call, () -> new Tracked(Kind.NON_CRYPTO_RANDOM, type, at, null, false, null, null));
        return created(SymValue.object(t, source), internalType, "<init>", args, at);
      }
      case JcaApi.EC_GEN_PARAMETER_SPEC, JcaApi.NAMED_PARAMETER_SPEC -> {
        if (n == 1) {
          String api = JcaApi.simpleName(type);
          return spec(
              t, api, null, values.string(args.get(0), cx.step(call, "curve named in " + api)));
        }
        return null;
      }
      case JcaApi.RSA_KEY_GEN_PARAMETER_SPEC, JcaApi.DH_GEN_PARAMETER_SPEC -> {
        if (n >= 1) {
          String api = JcaApi.simpleName(type);
          return spec(
              t, api, values.integer(args.get(0), cx.step(call, "key size in " + api)), null);
        }
        return null;
      }
      case JcaApi.DH_PARAMETER_SPEC, JcaApi.DSA_PARAMETER_SPEC -> {
        if (n >= 2) {
          String api = JcaApi.simpleName(type);
          SymValue p = args.get(0);
          Value<Integer> size =
              p.single() instanceof BigInteger b
                  ? Value.known(b.bitLength(), List.of(cx.step(call, "prime size in " + api)))
                  : Value.unknown("prime not a constant");
          return spec(t, api, size, null);
        }
        return null;
      }
      case JcaApi.BIG_INTEGER -> {
        return bigInteger(t, args);
      }
      case JcaApi.STRING -> {
        if (n >= 1) {
          SymValue src = values.withArrays(args.get(0));
          return src.mapCands(
              STRING,
              c -> {
                if (c.value() instanceof Chars ch) {
                  return c.withValue(new String(ch.chars()));
                }
                if (c.value() instanceof Bytes b) {
                  return c.withValue(new String(b.bytes(), StandardCharsets.UTF_8));
                }
                return null;
              },
              "string built at run time");
        }
        return null;
      }
      case JcaApi.DATE -> {
        return n == 0 ? SymValue.constant(t, Marker.NOW, List.of(cx.step(call, "now"))) : null;
      }
      default -> {
        if (internalType.endsWith("/BouncyCastleProvider")
            || internalType.endsWith("/BouncyCastleFipsProvider")) {
          return SymValue.constant(t, Marker.BOUNCY_CASTLE_PROVIDER, List.of());
        }
        return null;
      }
    }
  }

  private SymValue spec(Type t, String api, Value<Integer> size, Value<String> curve) {
    return SymValue.constant(t, new ParamSpec(api, size, curve), List.of());
  }

  private static SymValue bigInteger(Type t, List<SymValue> args) {
    if (args.isEmpty() || !(args.get(0).single() instanceof String s)) {
      return null;
    }
    int radix = 10;
    if (args.size() == 2) {
      if (!(args.get(1).single() instanceof Integer r)) {
        return null;
      }
      radix = r;
    }
    try {
      return SymValue.constant(t, new BigInteger(s, radix), args.get(0).cands.get(0).trace());
    } catch (NumberFormatException | ArithmeticException e) {
      return null;
    }
  }

  /** {@code getProperty(key[, default])}: what the project's configuration sets at run time. */
  private SymValue configLookup(
      MethodInsnNode call, Expr.ConfigKind kind, List<SymValue> params, Type returns) {
    Expr fallback = params.size() == 2 ? Ir.of(params.get(1)) : null;
    return SymValue.symbolic(
        returns,
        new Expr.ConfigLookup(kind, Ir.of(params.get(0)), fallback, cx.at(call)),
        "configuration value");
  }

  /** {@code String.format(format, args...)} with its varargs array filled element by element. */
  private SymValue format(SymValue pattern, SymValue array, Type returns) {
    for (Object o : array.objects) {
      if (o instanceof Markers.ObjectArraySite site) {
        Map<Integer, SymValue> elements = cx.objectArrays.getOrDefault(site, Map.of());
        List<Expr> args = new java.util.ArrayList<>();
        for (int i = 0; i < site.length; i++) {
          SymValue e = elements.get(i);
          args.add(e == null ? Expr.unknown("format argument not set") : Ir.of(e));
        }
        return SymValue.symbolic(
            returns, Ir.bounded(new Expr.Format(Ir.of(pattern), args)), "formatted string");
      }
    }
    return null;
  }

  // ---- calls --------------------------------------------------------------------------------

  SymValue call(MethodInsnNode call, List<SymValue> args) {
    String owner = fqn(call.owner);
    boolean isStatic = call.getOpcode() == org.objectweb.asm.Opcodes.INVOKESTATIC;
    List<SymValue> params = isStatic ? args : args.subList(1, args.size());
    SymValue receiver = isStatic ? null : args.get(0);
    Type returns = Type.getReturnType(call.desc);
    if (isStatic) {
      return staticCall(call, owner, params, returns);
    }
    SymValue draw = draw(call, receiver, params, returns);
    if (draw != null) {
      return draw;
    }
    return switch (owner) {
      case JcaApi.STRING -> stringMethod(call, receiver, params, returns);
      case JcaApi.BASE64_DECODER -> decode(call, receiver, params, returns);
      case JcaApi.HEX_FORMAT -> parseHex(call, params, returns);
      case JcaApi.INTEGER, JcaApi.LONG -> call.name.endsWith("Value") ? receiver : null;
      case PROPERTIES ->
          call.name.equals("getProperty") && (params.size() == 1 || params.size() == 2)
              ? configLookup(call, Expr.ConfigKind.PROPERTIES, params, returns)
              : null;
      case JcaApi.DATE -> call.name.equals("getTime") ? clock(call, returns) : null;
      case JcaApi.INSTANT ->
          call.name.equals("toEpochMilli") || call.name.equals("getEpochSecond")
              ? clock(call, returns)
              : null;
      default -> null;
    };
  }

  private SymValue staticCall(
      MethodInsnNode call, String owner, List<SymValue> params, Type returns) {
    int n = params.size();
    if ((owner.equals(JcaApi.KEY_GENERATOR) || owner.equals(JcaApi.KEY_PAIR_GENERATOR))
        && call.name.equals("getInstance")
        && n >= 1) {
      return generator(call, owner, params, returns);
    }
    switch (owner) {
      case JcaApi.SECURE_RANDOM -> {
        return secureRandomFactory(call, params, returns);
      }
      case JcaApi.THREAD_LOCAL_RANDOM -> {
        return call.name.equals("current")
            ? created(
                nonCrypto(call, returns, "java.util.concurrent.ThreadLocalRandom"),
                call.owner,
                call.name,
                params,
                cx.at(call))
            : null;
      }
      case JcaApi.MATH, JcaApi.STRICT_MATH -> {
        return call.name.equals("random")
            ? nonCryptoDraw(call, returns, JcaApi.simpleName(owner) + ".random()")
            : null;
      }
      case JcaApi.DRBG_PARAMETERS -> {
        if (call.name.equals("instantiation") && n == 3) {
          Value<Integer> strength =
              values.integer(
                  params.get(0), cx.step(call, "strength in DrbgParameters.instantiation"));
          Value<String> capability =
              values.string(
                  params.get(1), cx.step(call, "capability in DrbgParameters.instantiation"));
          return created(
              SymValue.constant(returns, new DrbgSpec(strength, capability), List.of()),
              call.owner,
              call.name,
              params,
              cx.at(call));
        }
        return null;
      }
      case JcaApi.BASE64 -> {
        return call.name.endsWith("Decoder")
            ? SymValue.constant(returns, Marker.BASE64_DECODER, List.of())
            : null;
      }
      case JcaApi.HEX_FORMAT -> {
        return call.name.equals("of")
            ? SymValue.constant(returns, Marker.HEX_FORMAT, List.of())
            : null;
      }
      case JcaApi.SYSTEM -> {
        if (call.name.equals("getProperty") && (n == 1 || n == 2)) {
          return configLookup(call, Expr.ConfigKind.SYSTEM_PROPERTY, params, returns);
        }
        return call.name.equals("currentTimeMillis") || call.name.equals("nanoTime")
            ? clock(call, returns)
            : null;
      }
      case JcaApi.INSTANT -> {
        return call.name.equals("now")
            ? SymValue.constant(returns, Marker.NOW, List.of(cx.step(call, "now")))
            : null;
      }
      case JcaApi.INTEGER, JcaApi.LONG -> {
        return boxing(call, params, returns);
      }
      case JcaApi.STRING -> {
        if (call.name.equals("valueOf") && n == 1) {
          Type arg = Type.getArgumentTypes(call.desc)[0];
          SymValue v = params.get(0);
          if (!v.isKnown() && v.expr != null && arg.getSort() != Type.CHAR) {
            return SymValue.symbolic(returns, new Expr.Concat(List.of(v.expr)), v.unknown);
          }
          return v.mapCands(returns, c -> render(c, arg), "not a constant");
        }
        if (call.name.equals("format")
            && n == 2
            && call.desc.startsWith("(Ljava/lang/String;[Ljava/lang/Object;)")) {
          return format(params.get(0), params.get(1), returns);
        }
        return null;
      }
      case JcaApi.BIG_INTEGER -> {
        if (call.name.equals("valueOf")
            && n == 1
            && Arithmetic.asLong(params.get(0).single()) != null) {
          return SymValue.constant(
              returns,
              BigInteger.valueOf(Arithmetic.asLong(params.get(0).single())),
              params.get(0).cands.get(0).trace());
        }
        return null;
      }
      default -> {
        return JcaApi.isNonCryptoRandomUtility(owner) ? commonsRandom(call, owner, returns) : null;
      }
    }
  }

  private static SymValue.Cand render(SymValue.Cand c, Type type) {
    Object v = c.value();
    if (v instanceof String s) {
      return c;
    }
    if (v instanceof Integer i) {
      return c.withValue(
          type.getSort() == Type.CHAR ? String.valueOf((char) (int) i) : String.valueOf(i));
    }
    if (v instanceof Long l) {
      return c.withValue(String.valueOf(l));
    }
    return null;
  }

  private SymValue boxing(MethodInsnNode call, List<SymValue> params, Type returns) {
    if (params.size() != 1) {
      return null;
    }
    SymValue arg = params.get(0);
    return switch (call.name) {
      case "valueOf" ->
          arg.descriptor != null && arg.descriptor.equals("Ljava/lang/String;")
              ? parse(arg, returns)
              : arg;
      case "parseInt", "parseLong" -> parse(arg, returns);
      default -> null;
    };
  }

  private static SymValue parse(SymValue arg, Type returns) {
    if (!arg.isKnown() && arg.expr != null) {
      // Configuration text: the resolver's candidates are read as numbers at the API call.
      return SymValue.symbolic(returns, arg.expr, arg.unknown);
    }
    boolean isLong = returns.getSort() == Type.LONG || returns.getDescriptor().contains("Long");
    return arg.mapCands(
        returns,
        c -> {
          if (!(c.value() instanceof String s)) {
            return null;
          }
          try {
            return c.withValue(
                isLong ? (Object) Long.parseLong(s.trim()) : Integer.parseInt(s.trim()));
          } catch (NumberFormatException e) {
            return null;
          }
        },
        "not a number");
  }

  private SymValue clock(MethodInsnNode call, Type returns) {
    return SymValue.constant(returns, Marker.CLOCK, List.of(cx.step(call, "clock reading")));
  }

  private SymValue generator(
      MethodInsnNode call, String owner, List<SymValue> params, Type returns) {
    Location at = cx.at(call);
    Value<String> algorithm = values.string(params.get(0), cx.step(call, "argument algorithm"));
    boolean bouncyCastle = params.size() == 2 && isBouncyCastle(params.get(1));
    Kind kind = owner.equals(JcaApi.KEY_GENERATOR) ? Kind.KEY_GENERATOR : Kind.KEY_PAIR_GENERATOR;
    Tracked g =
        cx.track(
            call,
            () ->
                new Tracked(
                    kind, JcaApi.simpleName(owner), at, algorithm, bouncyCastle, null, null));
    return SymValue.object(returns, g);
  }

  static boolean isBouncyCastle(SymValue provider) {
    return provider.cands.stream()
        .anyMatch(
            c ->
                c.value() == Marker.BOUNCY_CASTLE_PROVIDER
                    || (c.value() instanceof String s && (s.equals("BC") || s.equals("BCFIPS"))));
  }

  private SymValue secureRandomFactory(MethodInsnNode call, List<SymValue> params, Type returns) {
    int n = params.size();
    if (call.name.equals("getInstanceStrong") && n == 0) {
      return created(
          secureRandom(
              call, returns, "SecureRandom.getInstanceStrong", SecureRandomRequest.strong()),
          call.owner,
          call.name,
          params,
          cx.at(call));
    }
    if (!call.name.equals("getInstance") || n < 1) {
      return null;
    }
    Value<String> algorithm = values.string(params.get(0), cx.step(call, "argument algorithm"));
    DrbgSpec drbg = null;
    boolean paramsUnknown = false;
    if (n >= 2) {
      SymValue second = params.get(1);
      drbg = second.single() instanceof DrbgSpec d ? d : null;
      boolean provider =
          n == 2
              && second.cands.stream()
                  .anyMatch(
                      c ->
                          c.value() instanceof String
                              || c.value() == Marker.BOUNCY_CASTLE_PROVIDER);
      paramsUnknown =
          drbg == null && !provider && !"Ljava/security/Provider;".equals(second.descriptor);
    }
    return created(
        secureRandom(
            call,
            returns,
            "SecureRandom.getInstance",
            SecureRandomRequest.of(
                algorithm, drbg, paramsUnknown, cx.step(call, "argument DRBG parameters"))),
        call.owner,
        call.name,
        params,
        cx.at(call));
  }

  /**
   * {@code v} marked with the call that created it ({@code owner.name(args)}), for the engine to
   * follow into other methods and classes.
   */
  private static SymValue created(
      SymValue v, String owner, String name, List<SymValue> args, Location at) {
    Expr.Call call = new Expr.Call(new MethodRef(fqn(owner), name, args.size()), Ir.of(args), at);
    return v.withObject(new Markers.Creation(call));
  }

  private SymValue secureRandom(
      MethodInsnNode call, Type returns, String api, SecureRandomRequest request) {
    Tracked rng =
        cx.track(
            call,
            () ->
                new Tracked(
                    Kind.SECURE_RANDOM,
                    api,
                    cx.at(call),
                    request.algorithm(),
                    false,
                    request.drbgStrength(),
                    request.drbgCapability()));
    return SymValue.object(returns, rng);
  }

  private SymValue nonCrypto(MethodInsnNode call, Type returns, String api) {
    Tracked source =
        cx.track(
            call,
            () -> new Tracked(Kind.NON_CRYPTO_RANDOM, api, cx.at(call), null, false, null, null));
    return SymValue.object(returns, source);
  }

  /** A call that is both the source and the draw: {@code Math.random()}, commons-lang helpers. */
  private SymValue nonCryptoDraw(MethodInsnNode call, Type returns, String api) {
    Tracked source =
        cx.track(
            call,
            () -> new Tracked(Kind.NON_CRYPTO_RANDOM, api, cx.at(call), null, false, null, null));
    return SymValue.unknown(returns, "random value from " + api).withObject(new Taint(source));
  }

  private SymValue commonsRandom(MethodInsnNode call, String owner, Type returns) {
    if (call.name.equals("insecure")) {
      return nonCrypto(call, returns, owner + ".insecure()");
    }
    boolean draw =
        JcaApi.simpleName(owner).equals("RandomStringUtils")
            ? call.name.startsWith("random")
            : call.name.startsWith("next");
    return draw ? nonCryptoDraw(call, returns, owner + "." + call.name) : null;
  }

  /** A draw from a tracked random source: its output carries the source's taint. */
  private SymValue draw(
      MethodInsnNode call, SymValue receiver, List<SymValue> params, Type returns) {
    if (!RngObjects.isDraw(call.name)) {
      return null;
    }
    Set<Object> taints = new java.util.LinkedHashSet<>();
    // A generator from elsewhere (a field, a parameter, a factory) is one by its declared type.
    boolean random = RANDOM_TYPES.contains(call.owner);
    for (Object o : receiver.objects) {
      if (o instanceof Tracked t
          && (t.kind == Kind.SECURE_RANDOM || t.kind == Kind.NON_CRYPTO_RANDOM)) {
        random = true;
        if (t.kind == Kind.NON_CRYPTO_RANDOM) {
          taints.add(new Taint(t));
        }
      }
    }
    if (!random) {
      return null;
    }
    // The engine follows the output to wherever the generator was created.
    Expr drawn = Ir.has(receiver) ? new Expr.Drawn(Ir.of(receiver), call.name, cx.at(call)) : null;
    if (call.name.equals("nextBytes") && params.size() == 1) {
      for (Object o : params.get(0).objects) {
        if (o instanceof ArraySite site) {
          cx.arrayInvalid.put(site, "filled by nextBytes() at line " + cx.line(call));
          cx.arrayTaints.computeIfAbsent(site, k -> new java.util.LinkedHashSet<>()).addAll(taints);
          if (drawn != null) {
            cx.arrayDraws.put(site, drawn);
          }
        }
      }
      return SymValue.unknown(returns, "void");
    }
    return SymValue.unknown(returns, "random value from " + call.name + "()")
        .withObjects(taints)
        .withExpr(drawn);
  }

  private SymValue stringMethod(
      MethodInsnNode call, SymValue receiver, List<SymValue> params, Type returns) {
    switch (call.name) {
      case "getBytes" -> {
        Charset charset = StandardCharsets.UTF_8;
        if (params.size() == 1) {
          if (!(params.get(0).single() instanceof String name)) {
            return SymValue.unknown(returns, "charset not known");
          }
          try {
            charset = Charset.forName(name);
          } catch (RuntimeException e) {
            return SymValue.unknown(returns, "unknown charset");
          }
        }
        Charset cs = charset;
        return receiver.mapCands(
            returns,
            c -> c.value() instanceof String s ? c.withValue(new Bytes(s.getBytes(cs), s)) : null,
            "not a constant string");
      }
      case "toCharArray" -> {
        return receiver.mapCands(
            returns,
            c -> c.value() instanceof String s ? c.withValue(new Chars(s.toCharArray())) : null,
            "not a constant string");
      }
      case "trim", "strip", "intern", "toString" -> {
        return params.isEmpty() ? receiver : null;
      }
      case "toUpperCase", "toLowerCase" -> {
        boolean upper = call.name.equals("toUpperCase");
        return receiver.mapCands(
            returns,
            c ->
                c.value() instanceof String s
                    ? c.withValue(
                        upper
                            ? s.toUpperCase(java.util.Locale.ROOT)
                            : s.toLowerCase(java.util.Locale.ROOT))
                    : null,
            "not a constant string");
      }
      default -> {
        return null;
      }
    }
  }

  private SymValue decode(
      MethodInsnNode call, SymValue receiver, List<SymValue> params, Type returns) {
    if (!call.name.equals("decode")
        || params.size() != 1
        || receiver.single() != Marker.BASE64_DECODER) {
      return null;
    }
    SymValue input = values.withArrays(params.get(0));
    TraceStep step = cx.step(call, "Base64 decoded");
    return input.mapCands(
        returns,
        c -> {
          Bytes decoded = ConstValues.base64Decoded(c.value());
          if (decoded == null) {
            return null;
          }
          List<TraceStep> trace = new java.util.ArrayList<>(c.trace());
          trace.add(step);
          return new SymValue.Cand(decoded, trace);
        },
        "not constant Base64");
  }

  private SymValue parseHex(MethodInsnNode call, List<SymValue> params, Type returns) {
    if (!call.name.equals("parseHex") || params.size() != 1) {
      return null;
    }
    return params
        .get(0)
        .mapCands(
            returns,
            c -> {
              Bytes decoded = ConstValues.hexDecoded(c.value());
              return decoded == null ? null : c.withValue(decoded);
            },
            "not constant hex");
  }

  /** An array handed to code the frontend does not follow may be filled there. */
  void escape(MethodInsnNode call, List<SymValue> args) {
    if (call.owner.startsWith("javax/crypto/")
        || call.owner.startsWith("java/security/")
        || call.owner.equals("java/lang/String")
        || call.owner.startsWith("java/util/Base64")) {
      return;
    }
    for (SymValue v : args) {
      for (Object o : v.objects) {
        if (o instanceof ArraySite site) {
          cx.arrayInvalid.putIfAbsent(
              site,
              "passed to "
                  + SymbolicInterpreter.simple(call.owner)
                  + "."
                  + call.name
                  + "() at line "
                  + cx.line(call));
        }
      }
    }
  }
}
