package dev.keyaudit.scanner.source;

import com.github.javaparser.ast.expr.Expression;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;

/**
 * What an argument expression of a crypto API call evaluates to, as a {@link Value} whose trace
 * ends with {@code sink} (the argument at the call). Extraction asks only through this interface,
 * so the intra-procedural implementation ({@link FlowResolver}) can be replaced by an
 * inter-procedural engine without touching which call becomes which fact.
 */
interface ExpressionResolver {

  Value<Integer> intValue(Expression argument, TraceStep sink);

  Value<String> stringValue(Expression argument, TraceStep sink);

  /** Key material, password or salt: bytes, chars, text or a BigInteger, masked. */
  Value<Secret> secretValue(Expression argument, TraceStep sink);

  /** Whether a seed is a constant or a clock reading. */
  Value<SeedSource> seedValue(Expression argument, TraceStep sink);

  /** True when the argument is the {@code null} literal or a constant that is always null. */
  boolean isNull(Expression argument);
}
