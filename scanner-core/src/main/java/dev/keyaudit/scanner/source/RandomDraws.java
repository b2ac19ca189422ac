package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import dev.keyaudit.scanner.resolve.Expr;
import java.util.Set;

/**
 * Lowers draws from a random generator into the IR: {@code rng.nextInt()} is output drawn from
 * whatever {@code rng} resolves to, and {@code rng.nextBytes(buf)} fills the local {@code buf} with
 * it. The engine then follows that output through returns, fields and parameters to a sink.
 */
final class RandomDraws {

  private static final Set<String> DRAWS =
      Set.of(
          "nextBytes",
          "nextInt",
          "nextLong",
          "nextDouble",
          "nextFloat",
          "nextBoolean",
          "nextGaussian",
          "ints",
          "longs",
          "doubles");

  /** Receivers declared as one of these (as written) are random generators. */
  private static final Set<String> RANDOM_TYPES =
      Set.of(
          "Random",
          "java.util.Random",
          "SecureRandom",
          "java.security.SecureRandom",
          "SplittableRandom",
          "java.util.SplittableRandom",
          "ThreadLocalRandom",
          "java.util.concurrent.ThreadLocalRandom",
          "var");

  private RandomDraws() {}

  /** The draw's IR, or null when the call is not a draw from a random generator. */
  static Expr lower(BodyLowering body, MethodCallExpr call, Expression scope, String receiverType) {
    String name = call.getNameAsString();
    if (scope == null || !DRAWS.contains(name)) {
      return null;
    }
    // A call's result (ThreadLocalRandom.current(), Rngs.weak()) has no declared type here.
    boolean random = scope instanceof MethodCallExpr || RANDOM_TYPES.contains(receiverType);
    if (!random) {
      return null;
    }
    for (Expression a : call.getArguments()) {
      body.lower(a);
    }
    Expr drawn = new Expr.Drawn(body.lower(scope), name, body.file().at(call));
    if (name.equals("nextBytes") && call.getArguments().size() == 1) {
      if (call.getArgument(0) instanceof NameExpr buf) {
        body.fillLocal(buf.getNameAsString(), drawn);
      }
      return Expr.unknown("void");
    }
    return drawn;
  }
}
