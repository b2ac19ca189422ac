package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.AlgorithmUse;
import dev.keyaudit.rules.facts.KeyDerivation;
import dev.keyaudit.rules.facts.KeyPassword;
import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.SecretKeyConstruction;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.source.ConstValues.Bytes;

/**
 * Which crypto API call becomes which fact or tracked object. Generators go to {@link
 * GeneratorCalls}, random sources to {@link RandomCalls}; algorithm uses, key specs, key passwords
 * and key derivation are handled here. Values come only through the call's {@link
 * ExpressionResolver}; flow state (how a generator was initialised, whether a random source was
 * drawn from) through the call's {@link Env}. Each method returns the call's value, or null when
 * the call is not one it handles.
 */
final class ApiCallExtractor {

  private final FileContext file;
  private final GeneratorCalls generators;
  private final RandomCalls randoms;

  ApiCallExtractor(FileContext file) {
    this.file = file;
    this.generators = new GeneratorCalls(file);
    this.randoms = new RandomCalls(file);
  }

  // ---- static calls -------------------------------------------------------------------------

  AbstractValue staticCall(String type, String name, CallSite site) {
    if (JcaApi.ALGORITHM_ENGINES.contains(type) && name.equals("getInstance")) {
      return algorithmUse(type, site);
    }
    return switch (type) {
      case JcaApi.KEY_GENERATOR, JcaApi.KEY_PAIR_GENERATOR ->
          name.equals("getInstance") ? generators.getInstance(type, site) : null;
      case JcaApi.SECURE_RANDOM -> randoms.factory(name, site);
      case JcaApi.KEY_STORE -> keyStoreFactory(name, site);
      case JcaApi.KEY_MANAGER_FACTORY ->
          name.equals("getInstance")
              ? AbstractValue.unknown("KeyManagerFactory").withType(type)
              : null;
      case JcaApi.THREAD_LOCAL_RANDOM ->
          name.equals("current")
              ? randoms.nonCryptoObject("java.util.concurrent.ThreadLocalRandom", site)
              : null;
      case JcaApi.MATH, JcaApi.STRICT_MATH ->
          name.equals("random")
              ? randoms.nonCryptoDraw(JcaApi.simpleName(type) + ".random()", site)
              : null;
      default ->
          JcaApi.isNonCryptoRandomUtility(type) ? randoms.commonsRandom(type, name, site) : null;
    };
  }

  private AbstractValue algorithmUse(String type, CallSite site) {
    if (site.argCount() < 1) {
      return null;
    }
    String api = JcaApi.simpleName(type);
    Value<String> algorithm =
        site.resolver().stringValue(site.arg(0), site.argumentStep("algorithm"));
    file.fact(new AlgorithmUse(site.location(), api, algorithm));
    return AbstractValue.unknown("result of " + api + ".getInstance").withType(type);
  }

  private AbstractValue keyStoreFactory(String name, CallSite site) {
    if (!name.equals("getInstance")) {
      return null;
    }
    if (site.argCount() == 2
        && !site.value(1).candidates.stream().anyMatch(c -> c.value() instanceof String)) {
      password("KeyStore.getInstance", site, 1);
    }
    return AbstractValue.unknown("KeyStore").withType(JcaApi.KEY_STORE);
  }

  // ---- instance calls -----------------------------------------------------------------------

  AbstractValue instanceCall(AbstractValue receiver, String name, CallSite site) {
    String type = receiverType(receiver);
    if (type == null) {
      return null;
    }
    return switch (type) {
      case JcaApi.KEY_GENERATOR, JcaApi.KEY_PAIR_GENERATOR ->
          generators.call(receiver, type, name, site);
      case JcaApi.SECURE_RANDOM,
          JcaApi.RANDOM,
          JcaApi.SPLITTABLE_RANDOM,
          JcaApi.THREAD_LOCAL_RANDOM ->
          randoms.call(receiver, name, site);
      case JcaApi.KEY_STORE -> keyStoreCall(name, site);
      case JcaApi.KEY_MANAGER_FACTORY -> {
        if (name.equals("init") && site.argCount() == 2) {
          password("KeyManagerFactory.init", site, 1);
          yield AbstractValue.nothing();
        }
        yield null;
      }
      default -> null;
    };
  }

  /** The API type calls on this receiver go to: a tracked object's kind, else the static type. */
  private static String receiverType(AbstractValue receiver) {
    for (Receiver r : receiver.objects) {
      if (r instanceof TrackedObject o) {
        return switch (o.kind) {
          case KEY_GENERATOR -> JcaApi.KEY_GENERATOR;
          case KEY_PAIR_GENERATOR -> JcaApi.KEY_PAIR_GENERATOR;
          case SECURE_RANDOM -> JcaApi.SECURE_RANDOM;
          case NON_CRYPTO_RANDOM -> JcaApi.RANDOM;
        };
      }
    }
    return receiver.type;
  }

  private AbstractValue keyStoreCall(String name, CallSite site) {
    int n = site.argCount();
    switch (name) {
      case "load" -> {
        if (n == 2) {
          password("KeyStore.load", site, 1);
        }
      }
      case "store" -> {
        if (n == 2) {
          password("KeyStore.store", site, 1);
        }
      }
      case "getKey" -> {
        if (n == 2) {
          password("KeyStore.getKey", site, 1);
        }
      }
      case "setKeyEntry" -> {
        if (n == 4) {
          password("KeyStore.setKeyEntry", site, 2);
        }
      }
      default -> {
        return null;
      }
    }
    return AbstractValue.nothing();
  }

  private void password(String api, CallSite site, int arg) {
    if (site.resolver().isNull(site.arg(arg))) {
      return;
    }
    Value<Secret> password =
        site.resolver().secretValue(site.arg(arg), site.argumentStep("password"));
    RandomSinkTracer.reach(site.value(arg), RandomSink.PASSWORD, site.argumentStep("password"));
    file.fact(new KeyPassword(site.location(), api, password));
  }

  // ---- constructors -------------------------------------------------------------------------

  AbstractValue construct(String type, CallSite site) {
    int n = site.argCount();
    switch (type) {
      case JcaApi.SECURE_RANDOM, JcaApi.RANDOM, JcaApi.SPLITTABLE_RANDOM -> {
        return randoms.construct(type, site);
      }
      case JcaApi.SECRET_KEY_SPEC -> {
        if (n == 2 || n == 4) {
          Value<Secret> material = keyMaterial(site, n == 4);
          Value<String> algorithm =
              site.resolver().stringValue(site.arg(n - 1), site.argumentStep("algorithm"));
          keySpec("SecretKeySpec", site, algorithm, material);
        }
        return AbstractValue.unknown("SecretKeySpec").withType(type);
      }
      case JcaApi.DES_KEY_SPEC, JcaApi.DESEDE_KEY_SPEC -> {
        if (n >= 1) {
          keySpec(JcaApi.simpleName(type), site, null, keyMaterial(site, false));
        }
        return AbstractValue.unknown(JcaApi.simpleName(type));
      }
      case JcaApi.PKCS8_KEY_SPEC, JcaApi.X509_KEY_SPEC -> {
        if (n >= 1) {
          Value<String> algorithm =
              n == 2
                  ? site.resolver().stringValue(site.arg(1), site.argumentStep("algorithm"))
                  : null;
          keySpec(JcaApi.simpleName(type), site, algorithm, keyMaterial(site, false));
        }
        return AbstractValue.unknown(JcaApi.simpleName(type));
      }
      case JcaApi.RSA_PRIVATE_KEY_SPEC -> {
        return bigIntegerKey(type, site, 1);
      }
      case JcaApi.RSA_PRIVATE_CRT_KEY_SPEC -> {
        return bigIntegerKey(type, site, 2);
      }
      case JcaApi.RSA_PUBLIC_KEY_SPEC, JcaApi.EC_PRIVATE_KEY_SPEC -> {
        return bigIntegerKey(type, site, 0);
      }
      case JcaApi.IV_PARAMETER_SPEC, JcaApi.CHACHA20_PARAMETER_SPEC -> {
        if (n >= 1) {
          RandomSinkTracer.reach(site.value(0), RandomSink.IV, site.argumentStep("IV"));
        }
        return AbstractValue.unknown(JcaApi.simpleName(type));
      }
      case JcaApi.GCM_PARAMETER_SPEC -> {
        if (n >= 2) {
          RandomSinkTracer.reach(site.value(1), RandomSink.IV, site.argumentStep("IV"));
        }
        return AbstractValue.unknown("GCMParameterSpec");
      }
      case JcaApi.PBE_KEY_SPEC -> {
        if (n >= 1) {
          password("PBEKeySpec", site, 0);
        }
        if (n >= 3) {
          derivation("PBEKeySpec", site, 1, 2, n == 4 ? 3 : -1);
        }
        return AbstractValue.unknown("PBEKeySpec");
      }
      case JcaApi.PBE_PARAMETER_SPEC -> {
        if (n >= 2) {
          derivation("PBEParameterSpec", site, 0, 1, -1);
        }
        return AbstractValue.unknown("PBEParameterSpec");
      }
      case JcaApi.PASSWORD_PROTECTION -> {
        if (n >= 1) {
          password("KeyStore.PasswordProtection", site, 0);
        }
        return AbstractValue.unknown("PasswordProtection");
      }
      default -> {
        return null;
      }
    }
  }

  private Value<Secret> keyMaterial(CallSite site, boolean sliced) {
    AbstractValue bytes = site.value(0);
    RandomSinkTracer.reach(bytes, RandomSink.KEY_MATERIAL, site.argumentStep("key material"));
    TraceStep step = site.argumentStep("key material");
    if (!sliced) {
      return site.resolver().secretValue(site.arg(0), step);
    }
    Integer offset = site.value(1).single().map(ConstantFolding::asInt).orElse(null);
    Integer length = site.value(2).single().map(ConstantFolding::asInt).orElse(null);
    if (offset == null || length == null) {
      return Value.unknown("offset or length not a constant");
    }
    AbstractValue slice =
        bytes.mapCandidates(
            c -> {
              if (c.value() instanceof Bytes b) {
                Bytes part = b.slice(offset, length);
                return part == null ? null : c.withValue(part);
              }
              return null;
            },
            bytes.unknownOr("not constant bytes"));
    return FlowResolver.toValue(slice, step, FlowResolver::secretOf, "not a constant");
  }

  private void keySpec(String api, CallSite site, Value<String> algorithm, Value<Secret> material) {
    file.fact(new SecretKeyConstruction(site.location(), api, algorithm, material));
  }

  private AbstractValue bigIntegerKey(String type, CallSite site, int arg) {
    String api = JcaApi.simpleName(type);
    if (site.argCount() > arg) {
      Value<Secret> material =
          site.resolver().secretValue(site.arg(arg), site.argumentStep("key material"));
      keySpec(api, site, null, material);
    }
    return AbstractValue.unknown(api);
  }

  private void derivation(String api, CallSite site, int salt, int iterations, int keyLength) {
    RandomSinkTracer.reach(site.value(salt), RandomSink.SALT, site.argumentStep("salt"));
    Value<Secret> saltValue =
        site.resolver().secretValue(site.arg(salt), site.argumentStep("salt"));
    Value<Integer> count =
        site.resolver().intValue(site.arg(iterations), site.argumentStep("iteration count"));
    Value<Integer> length =
        keyLength < 0
            ? null
            : site.resolver().intValue(site.arg(keyLength), site.argumentStep("key length"));
    file.fact(new KeyDerivation(site.location(), api, saltValue, count, length));
  }
}
