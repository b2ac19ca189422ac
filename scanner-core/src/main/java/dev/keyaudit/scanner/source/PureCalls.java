package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.model.Value;
import dev.keyaudit.scanner.jca.ConstValues;
import dev.keyaudit.scanner.jca.ConstValues.Bytes;
import dev.keyaudit.scanner.jca.ConstValues.Chars;
import dev.keyaudit.scanner.jca.ConstValues.DrbgSpec;
import dev.keyaudit.scanner.jca.ConstValues.Marker;
import dev.keyaudit.scanner.jca.ConstValues.ParamSpec;
import dev.keyaudit.scanner.jca.JcaApi;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * JDK calls whose result the evaluator computes rather than treats as unknown: string and byte
 * conversions, Base64 and hex decoding, {@code BigInteger}, parameter specs, {@code
 * DrbgParameters}, and clock reads. They have no side effects and produce no facts.
 */
final class PureCalls {

  private static final Set<String> CLOCK_GETTERS =
      Set.of("getTime", "toEpochMilli", "getEpochSecond", "getNano", "getTimeInMillis", "hashCode");

  /** Conversions that carry their receiver's content (and so its reason for being unknown). */
  private static final Set<String> CONVERSIONS =
      Set.of(
          "getBytes",
          "toCharArray",
          "trim",
          "strip",
          "intern",
          "toUpperCase",
          "toLowerCase",
          "toString",
          "clone",
          "toByteArray");

  private PureCalls() {}

  /** A static API constant ({@code NamedParameterSpec.X25519}), or null. */
  static AbstractValue staticField(String type, String name) {
    return switch (type) {
      case JcaApi.NAMED_PARAMETER_SPEC ->
          switch (name) {
            case "X25519", "X448", "ED25519", "ED448" ->
                AbstractValue.constant(
                    new ParamSpec(
                        "NamedParameterSpec",
                        null,
                        Value.known(namedSpec(name), java.util.List.of())));
            default -> null;
          };
      case JcaApi.RSA_KEY_GEN_PARAMETER_SPEC ->
          switch (name) {
            case "F0" -> AbstractValue.constant(BigInteger.valueOf(3));
            case "F4" -> AbstractValue.constant(BigInteger.valueOf(65537));
            default -> null;
          };
      case JcaApi.DRBG_CAPABILITY ->
          switch (name) {
            case "PR_AND_RESEED", "RESEED_ONLY", "NONE" -> AbstractValue.constant(name);
            default -> null;
          };
      case JcaApi.BIG_INTEGER ->
          switch (name) {
            case "ZERO" -> AbstractValue.constant(BigInteger.ZERO);
            case "ONE" -> AbstractValue.constant(BigInteger.ONE);
            case "TWO" -> AbstractValue.constant(BigInteger.TWO);
            case "TEN" -> AbstractValue.constant(BigInteger.TEN);
            default -> null;
          };
      default -> null;
    };
  }

  private static String namedSpec(String constant) {
    return switch (constant) {
      case "ED25519" -> "Ed25519";
      case "ED448" -> "Ed448";
      default -> constant;
    };
  }

  static AbstractValue staticCall(String type, String name, CallSite site) {
    int n = site.argCount();
    return switch (type) {
      case JcaApi.SYSTEM ->
          name.equals("currentTimeMillis") || name.equals("nanoTime")
              ? AbstractValue.constant(Marker.CLOCK)
              : null;
      case JcaApi.INSTANT -> name.equals("now") ? AbstractValue.constant(Marker.NOW) : null;
      case JcaApi.CALENDAR ->
          name.equals("getInstance") ? AbstractValue.constant(Marker.NOW) : null;
      case JcaApi.BASE64 ->
          switch (name) {
            case "getDecoder", "getMimeDecoder", "getUrlDecoder" ->
                AbstractValue.constant(Marker.BASE64_DECODER).withType(JcaApi.BASE64_DECODER);
            default -> null;
          };
      case JcaApi.HEX_FORMAT ->
          name.equals("of") && n == 0 ? AbstractValue.constant(Marker.HEX_FORMAT) : null;
      case JcaApi.BIG_INTEGER ->
          name.equals("valueOf") && n == 1
              ? site.value(0)
                  .mapCandidates(
                      c -> {
                        Number v = ConstantFolding.number(c.value());
                        return v == null || v instanceof Double
                            ? null
                            : c.withValue(BigInteger.valueOf(v.longValue()));
                      },
                      "not a constant")
              : null;
      case JcaApi.STRING ->
          (name.equals("valueOf") || name.equals("copyValueOf")) && n == 1
              ? site.value(0).mapCandidates(c -> text(c), "not a constant")
              : null;
      case JcaApi.LONG, JcaApi.INTEGER -> numberConversion(type, name, site);
      case JcaApi.DRBG_PARAMETERS -> drbgInstantiation(name, site);
      default -> null;
    };
  }

  static AbstractValue instanceCall(AbstractValue receiver, String name, CallSite site) {
    if (receiver.candidates.isEmpty()) {
      // "System.getenv(k).toCharArray()" is unknown for the reason its receiver is.
      return CONVERSIONS.contains(name) && receiver.unknown != null && receiver.objects.isEmpty()
          ? AbstractValue.unknown(receiver.unknown).withTaints(receiver.taints)
          : null;
    }
    Object first = receiver.candidates.get(0).value();
    if (first instanceof String) {
      return stringMethod(receiver, name, site);
    }
    if (first == Marker.BASE64_DECODER && name.equals("decode") && site.argCount() == 1) {
      return site.value(0).mapCandidates(PureCalls::base64, "not constant base64 text");
    }
    if (first == Marker.HEX_FORMAT && name.equals("parseHex") && site.argCount() == 1) {
      return site.value(0).mapCandidates(PureCalls::hex, "not constant hex text");
    }
    if ((first == Marker.NOW && CLOCK_GETTERS.contains(name)) || first == Marker.CLOCK) {
      return AbstractValue.constant(Marker.CLOCK);
    }
    if (first instanceof BigInteger) {
      return switch (name) {
        case "toByteArray" ->
            receiver.mapCandidates(
                c ->
                    c.value() instanceof BigInteger b
                        ? c.withValue(new Bytes(b.toByteArray(), null))
                        : null,
                "not a constant");
        case "bitLength" ->
            receiver.mapCandidates(
                c -> c.value() instanceof BigInteger b ? c.withValue(b.bitLength()) : null,
                "not a constant");
        default -> null;
      };
    }
    if ((first instanceof Bytes || first instanceof Chars) && name.equals("clone")) {
      return receiver;
    }
    if (ConstantFolding.number(first) != null) {
      return switch (name) {
        case "intValue", "longValue", "toString" ->
            receiver.mapCandidates(c -> name.equals("toString") ? text(c) : c, "not a constant");
        default -> null;
      };
    }
    return null;
  }

  static AbstractValue construct(String type, CallSite site) {
    int n = site.argCount();
    return switch (type) {
      case JcaApi.STRING ->
          n >= 1 ? site.value(0).mapCandidates(PureCalls::newString, "not a constant") : null;
      case JcaApi.BIG_INTEGER -> newBigInteger(site);
      case JcaApi.DATE -> n == 0 ? AbstractValue.constant(Marker.NOW) : null;
      case JcaApi.EC_GEN_PARAMETER_SPEC, JcaApi.NAMED_PARAMETER_SPEC ->
          n == 1
              ? spec(
                  type,
                  null,
                  site.resolver()
                      .stringValue(
                          site.arg(0), site.step("curve named in " + JcaApi.simpleName(type))))
              : null;
      case JcaApi.RSA_KEY_GEN_PARAMETER_SPEC, JcaApi.DH_GEN_PARAMETER_SPEC ->
          n >= 1
              ? spec(
                  type,
                  site.resolver()
                      .intValue(site.arg(0), site.step("key size in " + JcaApi.simpleName(type))),
                  null)
              : null;
      case JcaApi.DH_PARAMETER_SPEC, JcaApi.DSA_PARAMETER_SPEC ->
          n >= 2
              ? spec(
                  type,
                  FlowResolver.toValue(
                      site.value(0),
                      site.step("prime size in " + JcaApi.simpleName(type)),
                      v -> v instanceof BigInteger b ? b.bitLength() : null,
                      "prime not a constant"),
                  null)
              : null;
      default -> null;
    };
  }

  private static AbstractValue spec(String type, Value<Integer> size, Value<String> curve) {
    return AbstractValue.constant(new ParamSpec(JcaApi.simpleName(type), size, curve))
        .withType(type);
  }

  private static AbstractValue drbgInstantiation(String name, CallSite site) {
    if (!name.equals("instantiation") || site.argCount() != 3) {
      return null;
    }
    Value<Integer> strength =
        site.resolver()
            .intValue(site.arg(0), site.step("strength in DrbgParameters.instantiation"));
    Value<String> capability =
        site.resolver()
            .stringValue(site.arg(1), site.step("capability in DrbgParameters.instantiation"));
    return AbstractValue.constant(new DrbgSpec(strength, capability))
        .withType(JcaApi.DRBG_PARAMETERS);
  }

  private static AbstractValue stringMethod(AbstractValue receiver, String name, CallSite site) {
    return switch (name) {
      case "getBytes" ->
          receiver.mapCandidates(
              c ->
                  c.value() instanceof String s
                      ? c.withValue(new Bytes(s.getBytes(StandardCharsets.UTF_8), s))
                      : null,
              "not a constant");
      case "toCharArray" ->
          receiver.mapCandidates(
              c -> c.value() instanceof String s ? c.withValue(new Chars(s.toCharArray())) : null,
              "not a constant");
      case "trim", "strip", "intern", "toString" -> receiver;
      case "toUpperCase", "toLowerCase" ->
          receiver.mapCandidates(
              c ->
                  c.value() instanceof String s
                      ? c.withValue(
                          name.equals("toUpperCase")
                              ? s.toUpperCase(Locale.ROOT)
                              : s.toLowerCase(Locale.ROOT))
                      : null,
              "not a constant");
      case "length" ->
          receiver.mapCandidates(
              c -> c.value() instanceof String s ? c.withValue(s.length()) : null,
              "not a constant");
      default -> null;
    };
  }

  private static AbstractValue numberConversion(String type, String name, CallSite site) {
    if (site.argCount() != 1) {
      return null;
    }
    return switch (name) {
      case "toString", "toHexString" ->
          site.value(0)
              .mapCandidates(
                  c -> {
                    if (c.value() == Marker.CLOCK) {
                      return c;
                    }
                    Number v = ConstantFolding.number(c.value());
                    if (v == null || v instanceof Double) {
                      return null;
                    }
                    boolean hex = name.equals("toHexString");
                    return c.withValue(
                        type.equals(JcaApi.LONG)
                            ? (hex ? Long.toHexString(v.longValue()) : Long.toString(v.longValue()))
                            : (hex
                                ? Integer.toHexString(v.intValue())
                                : Integer.toString(v.intValue())));
                  },
                  "not a constant");
      case "valueOf", "parseInt", "parseLong" ->
          site.value(0)
              .mapCandidates(
                  c -> {
                    if (c.value() == Marker.CLOCK || ConstantFolding.number(c.value()) != null) {
                      return c;
                    }
                    if (c.value() instanceof String s) {
                      try {
                        return c.withValue(
                            type.equals(JcaApi.LONG)
                                ? (Object) Long.parseLong(s.trim())
                                : (Object) Integer.parseInt(s.trim()));
                      } catch (NumberFormatException e) {
                        return null;
                      }
                    }
                    return null;
                  },
                  "not a constant");
      default -> null;
    };
  }

  private static AbstractValue newBigInteger(CallSite site) {
    int n = site.argCount();
    if (n < 1 || n > 2) {
      return null;
    }
    if (n == 2
        && site.value(0).candidates.stream()
            .anyMatch(c -> ConstantFolding.asInt(c.value()) != null)) {
      return signumMagnitude(site);
    }
    Integer radix = Integer.valueOf(10);
    if (n == 2) {
      radix = site.value(1).single().map(ConstantFolding::asInt).orElse(null);
    }
    if (radix == null || radix < Character.MIN_RADIX || radix > Character.MAX_RADIX) {
      return AbstractValue.unknown("radix not a constant");
    }
    int base = radix;
    return site.value(0)
        .mapCandidates(
            c -> {
              if (!(c.value() instanceof String s)) {
                return null;
              }
              try {
                return c.withValue(new BigInteger(s.trim(), base));
              } catch (NumberFormatException e) {
                return null;
              }
            },
            "not a constant");
  }

  /** {@code new BigInteger(signum, magnitude)}. */
  private static AbstractValue signumMagnitude(CallSite site) {
    Integer signum = site.value(0).single().map(ConstantFolding::asInt).orElse(null);
    if (signum == null || signum < -1 || signum > 1) {
      return AbstractValue.unknown("signum not a constant");
    }
    return site.value(1)
        .mapCandidates(
            c ->
                c.value() instanceof Bytes b
                    ? c.withValue(new BigInteger(signum, b.bytes()))
                    : null,
            "magnitude not constant bytes");
  }

  private static Candidate text(Candidate c) {
    Object v = c.value();
    if (v == Marker.CLOCK) {
      return c;
    }
    if (v instanceof Chars chars) {
      return c.withValue(new String(chars.chars()));
    }
    if (v instanceof String
        || v instanceof Integer
        || v instanceof Long
        || v instanceof Character
        || v instanceof Boolean) {
      return c.withValue(String.valueOf(v));
    }
    return null;
  }

  private static Candidate newString(Candidate c) {
    if (c.value() instanceof Bytes b) {
      return c.withValue(new String(b.bytes(), StandardCharsets.UTF_8));
    }
    if (c.value() instanceof Chars chars) {
      return c.withValue(new String(chars.chars()));
    }
    if (c.value() instanceof String) {
      return c;
    }
    return null;
  }

  private static Candidate base64(Candidate c) {
    Bytes decoded = ConstValues.base64Decoded(c.value());
    return decoded == null ? null : c.withValue(decoded);
  }

  private static Candidate hex(Candidate c) {
    Bytes decoded = ConstValues.hexDecoded(c.value());
    return decoded == null ? null : c.withValue(decoded);
  }
}
