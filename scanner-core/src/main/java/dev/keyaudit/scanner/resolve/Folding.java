package dev.keyaudit.scanner.resolve;

import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

/** Constant folding of IR operations on resolved values; null when an operand does not fit. */
final class Folding {

  private Folding() {}

  static Object concat(List<Object> parts) {
    StringBuilder sb = new StringBuilder();
    for (Object p : parts) {
      if (p == Expr.NULL) {
        sb.append("null");
      } else if (p instanceof String
          || p instanceof Number
          || p instanceof Boolean
          || p instanceof Character) {
        sb.append(p);
      } else {
        return null;
      }
    }
    return sb.toString();
  }

  static Object format(List<Object> values) {
    if (!(values.get(0) instanceof String format)) {
      return null;
    }
    Object[] args = values.subList(1, values.size()).toArray();
    for (Object a : args) {
      if (a == Expr.NULL) {
        return null;
      }
    }
    try {
      return String.format(Locale.ROOT, format, args);
    } catch (IllegalFormatException e) {
      return null;
    }
  }

  static Object arith(String op, Object left, Object right) {
    if (!(left instanceof Number || left instanceof Character)
        || !(right instanceof Number || right instanceof Character)) {
      return null;
    }
    boolean wide = left instanceof Long || right instanceof Long;
    long a = asLong(left);
    long b = asLong(right);
    Long r =
        switch (op) {
          case "+" -> a + b;
          case "-" -> a - b;
          case "*" -> a * b;
          case "/" -> b == 0 ? null : a / b;
          case "%" -> b == 0 ? null : a % b;
          case "<<" -> wide ? a << b : (long) ((int) a << b);
          case ">>" -> a >> b;
          case "&" -> a & b;
          case "|" -> a | b;
          case "^" -> a ^ b;
          default -> null;
        };
    if (r == null) {
      return null;
    }
    return wide ? (Object) r : (Object) (int) (long) r;
  }

  private static long asLong(Object o) {
    return o instanceof Character c ? c : ((Number) o).longValue();
  }
}
