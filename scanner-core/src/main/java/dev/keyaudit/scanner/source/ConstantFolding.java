package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.UnaryExpr;
import dev.keyaudit.scanner.jca.ConstValues.Marker;

/**
 * Java's constant arithmetic on the evaluator's values: numeric promotion, string concatenation,
 * casts. A clock reading combined with a constant stays a clock reading (a seed of {@code
 * currentTimeMillis() ^ 42} is still predictable). Returns null when the result is not a constant.
 */
final class ConstantFolding {

  private ConstantFolding() {}

  static Object binary(BinaryExpr.Operator op, Object left, Object right) {
    if (left == Marker.CLOCK || right == Marker.CLOCK) {
      return isScalar(left) && isScalar(right) ? Marker.CLOCK : null;
    }
    if (op == BinaryExpr.Operator.PLUS && (left instanceof String || right instanceof String)) {
      String l = concatText(left);
      String r = concatText(right);
      return l == null || r == null ? null : l + r;
    }
    if (left instanceof Boolean a && right instanceof Boolean b) {
      return switch (op) {
        case AND, BINARY_AND -> a && b;
        case OR, BINARY_OR -> a || b;
        case XOR -> a ^ b;
        case EQUALS -> a.equals(b);
        case NOT_EQUALS -> !a.equals(b);
        default -> null;
      };
    }
    Number l = number(left);
    Number r = number(right);
    if (l == null || r == null) {
      return null;
    }
    if (l instanceof Double || r instanceof Double) {
      return doubleOp(op, l.doubleValue(), r.doubleValue());
    }
    if (isShift(op)) {
      // The shift distance does not promote the left operand.
      return l instanceof Long
          ? longOp(op, l.longValue(), r.longValue())
          : intOp(op, l.intValue(), r.intValue());
    }
    if (l instanceof Long || r instanceof Long) {
      return longOp(op, l.longValue(), r.longValue());
    }
    return intOp(op, l.intValue(), r.intValue());
  }

  static Object unary(UnaryExpr.Operator op, Object value) {
    if (value == Marker.CLOCK) {
      return Marker.CLOCK;
    }
    if (op == UnaryExpr.Operator.LOGICAL_COMPLEMENT) {
      return value instanceof Boolean b ? !b : null;
    }
    Number n = number(value);
    if (n == null) {
      return null;
    }
    return switch (op) {
      case PLUS -> n instanceof Long || n instanceof Double ? n : (Object) n.intValue();
      case MINUS ->
          n instanceof Long
              ? (Object) (-n.longValue())
              : n instanceof Double ? (Object) (-n.doubleValue()) : (Object) (-n.intValue());
      case BITWISE_COMPLEMENT ->
          n instanceof Long
              ? (Object) (~n.longValue())
              : n instanceof Double ? null : ~n.intValue();
      default -> null;
    };
  }

  /** A cast to a primitive type (by name); other casts leave the value unchanged. */
  static Object cast(String type, Object value) {
    if (value == Marker.CLOCK) {
      return Marker.CLOCK;
    }
    Number n = number(value);
    if (n == null) {
      return switch (type) {
        case "int", "long", "short", "byte", "char", "double", "float" -> null;
        default -> value;
      };
    }
    return switch (type) {
      case "int" -> n.intValue();
      case "long" -> n.longValue();
      case "short" -> (int) n.shortValue();
      case "byte" -> (int) n.byteValue();
      case "char" -> (char) n.intValue();
      case "double", "float" -> n.doubleValue();
      default -> value;
    };
  }

  /** Numeric view of a constant ({@code char} promotes to int), or null. */
  static Number number(Object value) {
    if (value instanceof Character c) {
      return (int) c.charValue();
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Double) {
      return (Number) value;
    }
    return null;
  }

  /** The value as an int when it is integral and fits. */
  static Integer asInt(Object value) {
    Number n = number(value);
    if (n instanceof Integer i) {
      return i;
    }
    if (n instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
      return (int) (long) l;
    }
    return null;
  }

  private static boolean isScalar(Object value) {
    return value == Marker.CLOCK || number(value) != null || value instanceof String;
  }

  private static String concatText(Object value) {
    if (value instanceof String s) {
      return s;
    }
    if (value == Marker.NULL) {
      return "null";
    }
    if (value instanceof Character
        || value instanceof Integer
        || value instanceof Long
        || value instanceof Boolean) {
      return String.valueOf(value);
    }
    if (value instanceof Double d) {
      return Double.toString(d);
    }
    return null; // arrays print as identity hashes: not a constant
  }

  private static boolean isShift(BinaryExpr.Operator op) {
    return op == BinaryExpr.Operator.LEFT_SHIFT
        || op == BinaryExpr.Operator.SIGNED_RIGHT_SHIFT
        || op == BinaryExpr.Operator.UNSIGNED_RIGHT_SHIFT;
  }

  private static Object intOp(BinaryExpr.Operator op, int a, int b) {
    return switch (op) {
      case PLUS -> a + b;
      case MINUS -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> b == 0 ? null : a / b;
      case REMAINDER -> b == 0 ? null : a % b;
      case LEFT_SHIFT -> a << b;
      case SIGNED_RIGHT_SHIFT -> a >> b;
      case UNSIGNED_RIGHT_SHIFT -> a >>> b;
      case BINARY_AND -> a & b;
      case BINARY_OR -> a | b;
      case XOR -> a ^ b;
      case EQUALS -> a == b;
      case NOT_EQUALS -> a != b;
      case LESS -> a < b;
      case LESS_EQUALS -> a <= b;
      case GREATER -> a > b;
      case GREATER_EQUALS -> a >= b;
      default -> null;
    };
  }

  private static Object longOp(BinaryExpr.Operator op, long a, long b) {
    return switch (op) {
      case PLUS -> a + b;
      case MINUS -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> b == 0 ? null : a / b;
      case REMAINDER -> b == 0 ? null : a % b;
      case LEFT_SHIFT -> a << b;
      case SIGNED_RIGHT_SHIFT -> a >> b;
      case UNSIGNED_RIGHT_SHIFT -> a >>> b;
      case BINARY_AND -> a & b;
      case BINARY_OR -> a | b;
      case XOR -> a ^ b;
      case EQUALS -> a == b;
      case NOT_EQUALS -> a != b;
      case LESS -> a < b;
      case LESS_EQUALS -> a <= b;
      case GREATER -> a > b;
      case GREATER_EQUALS -> a >= b;
      default -> null;
    };
  }

  private static Object doubleOp(BinaryExpr.Operator op, double a, double b) {
    return switch (op) {
      case PLUS -> a + b;
      case MINUS -> a - b;
      case MULTIPLY -> a * b;
      case DIVIDE -> a / b;
      case LESS -> a < b;
      case LESS_EQUALS -> a <= b;
      case GREATER -> a > b;
      case GREATER_EQUALS -> a >= b;
      default -> null;
    };
  }
}
