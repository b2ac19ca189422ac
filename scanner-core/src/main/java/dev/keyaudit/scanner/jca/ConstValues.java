package dev.keyaudit.scanner.jca;

import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The non-primitive constants the evaluator computes: byte and char arrays, parameter specs, DRBG
 * parameters and a few markers (a clock reading, a Base64 decoder, {@code null}).
 */
public final class ConstValues {

  private ConstValues() {}

  /**
   * The key material a constant stands for, or null when it is not bytes, chars, text or a number.
   */
  public static Secret secretOf(Object value) {
    if (value instanceof Bytes b) {
      return b.secret();
    }
    if (value instanceof Chars c) {
      return c.secret();
    }
    if (value instanceof String s) {
      return Secret.ofText(s);
    }
    if (value instanceof BigInteger i) {
      return Secret.ofBytes(i.toByteArray());
    }
    return null;
  }

  /** What a constant Base64 text (a string or its bytes) decodes to, MIME alphabet; else null. */
  public static Bytes base64Decoded(Object value) {
    try {
      if (value instanceof String s) {
        return new Bytes(Base64.getMimeDecoder().decode(s), null);
      }
      if (value instanceof Bytes b) {
        return new Bytes(Base64.getMimeDecoder().decode(b.bytes()), null);
      }
    } catch (IllegalArgumentException e) {
      return null;
    }
    return null;
  }

  /** What a constant hex string parses to ({@code HexFormat.parseHex}); else null. */
  public static Bytes hexDecoded(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      return new Bytes(HexFormat.of().parseHex(s), null);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Markers for values that matter by what they are, not by their content. */
  public enum Marker {
    NULL,
    /** The current time, e.g. {@code System.currentTimeMillis()}: a predictable seed. */
    CLOCK,
    /** An object whose getters read the clock: {@code new Date()}, {@code Instant.now()}. */
    NOW,
    BASE64_DECODER,
    HEX_FORMAT,
    BOUNCY_CASTLE_PROVIDER
  }

  /**
   * A constant byte array. {@code text} is the string it was encoded from ({@code
   * "...".getBytes()}) or null; it only serves to mask the secret the way a reader recognises it.
   */
  public record Bytes(byte[] bytes, String text) {
    public Secret secret() {
      return text != null ? Secret.ofTextBytes(text) : Secret.ofBytes(bytes);
    }

    public Bytes slice(int offset, int length) {
      if (offset < 0 || length < 0 || offset + length > bytes.length) {
        return null;
      }
      return new Bytes(Arrays.copyOfRange(bytes, offset, offset + length), null);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Bytes b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "byte[" + bytes.length + "]";
    }
  }

  /** A constant char array ({@code "...".toCharArray()}, {@code {'a', 'b'}}). */
  public record Chars(char[] chars) {
    public Secret secret() {
      return Secret.ofText(new String(chars));
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Chars c && Arrays.equals(chars, c.chars);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(chars);
    }

    @Override
    public String toString() {
      return "char[" + chars.length + "]";
    }
  }

  /**
   * An {@code AlgorithmParameterSpec} that selects a key size or a named curve / parameter set.
   * Either value is null when the spec does not carry it.
   *
   * @param api simple class name, e.g. "ECGenParameterSpec"
   */
  public record ParamSpec(String api, Value<Integer> size, Value<String> curve) {}

  /** {@code DrbgParameters.instantiation(strength, capability, personalization)}. */
  public record DrbgSpec(Value<Integer> strength, Value<String> capability) {}
}
