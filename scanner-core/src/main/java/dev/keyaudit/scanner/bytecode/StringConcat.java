package dev.keyaudit.scanner.bytecode;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.resolve.Expr;
import java.util.ArrayList;
import java.util.List;
import org.objectweb.asm.Type;

/**
 * Folds {@code invokedynamic makeConcatWithConstants} (javac's string concatenation since Java 9)
 * when every argument is a constant: the recipe's {@code \1} takes the next argument, {@code \2}
 * the next bootstrap constant.
 */
final class StringConcat {

  private static final Type STRING = Type.getType(String.class);

  private StringConcat() {}

  static SymValue fold(
      String recipe, Object[] bsmArgs, Type[] argTypes, List<SymValue> args, TraceStep step) {
    List<StringBuilder> texts = new ArrayList<>(List.of(new StringBuilder()));
    List<List<TraceStep>> traces = new ArrayList<>(List.of(new ArrayList<>()));
    int arg = 0;
    int constant = 1;
    for (int i = 0; i < recipe.length(); i++) {
      char c = recipe.charAt(i);
      if (c == '\u0001') {
        if (arg >= args.size()) {
          return SymValue.unknown(STRING, "malformed concatenation");
        }
        SymValue v = args.get(arg);
        Type type = arg < argTypes.length ? argTypes[arg] : STRING;
        arg++;
        if (!v.isKnown() || texts.size() * v.cands.size() > SymValue.MAX_CANDIDATES) {
          return SymValue.unknown(STRING, "concatenation of " + v.unknown)
              .withObjects(SymbolicInterpreter.taints(v));
        }
        List<StringBuilder> nextTexts = new ArrayList<>();
        List<List<TraceStep>> nextTraces = new ArrayList<>();
        for (int t = 0; t < texts.size(); t++) {
          for (SymValue.Cand cand : v.cands) {
            String piece = render(cand.value(), type);
            if (piece == null) {
              return SymValue.unknown(STRING, "concatenation of a non-constant");
            }
            nextTexts.add(new StringBuilder(texts.get(t)).append(piece));
            List<TraceStep> trace = new ArrayList<>(traces.get(t));
            cand.trace().stream().filter(s -> !trace.contains(s)).forEach(trace::add);
            nextTraces.add(trace);
          }
        }
        texts = nextTexts;
        traces = nextTraces;
      } else if (c == '\u0002') {
        Object k = constant < bsmArgs.length ? bsmArgs[constant++] : null;
        texts.forEach(sb -> sb.append(k));
      } else {
        texts.forEach(sb -> sb.append(c));
      }
    }
    List<SymValue.Cand> out = new ArrayList<>();
    for (int t = 0; t < texts.size(); t++) {
      List<TraceStep> trace = new ArrayList<>(traces.get(t));
      trace.add(step);
      out.add(new SymValue.Cand(texts.get(t).toString(), trace));
    }
    return SymValue.of(STRING, out, null);
  }

  private static String render(Object value, Type type) {
    if (value instanceof String s) {
      return s;
    }
    if (value instanceof Integer i) {
      return switch (type.getSort()) {
        case Type.CHAR -> String.valueOf((char) (int) i);
        case Type.BOOLEAN -> String.valueOf(i != 0);
        default -> String.valueOf(i);
      };
    }
    if (value instanceof Long l) {
      return String.valueOf(l);
    }
    return null;
  }

  /**
   * The concatenation as IR, for parts only the project can tell; null when a part has no IR form.
   */
  static Expr lower(String recipe, Object[] bsmArgs, List<SymValue> args) {
    List<Expr> parts = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    int arg = 0;
    int constant = 1;
    for (int i = 0; i < recipe.length(); i++) {
      char c = recipe.charAt(i);
      if (c == '\u0001') {
        if (arg >= args.size() || !Ir.has(args.get(arg))) {
          return null;
        }
        if (text.length() > 0) {
          parts.add(new Expr.Const(text.toString(), Location.file("")));
          text.setLength(0);
        }
        parts.add(Ir.of(args.get(arg++)));
      } else if (c == '\u0002') {
        text.append(constant < bsmArgs.length ? bsmArgs[constant++] : null);
      } else {
        text.append(c);
      }
    }
    if (text.length() > 0) {
      parts.add(new Expr.Const(text.toString(), Location.file("")));
    }
    return Ir.bounded(new Expr.Concat(parts));
  }
}
