package dev.keyaudit.scanner.jca;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Value;

/**
 * How a key (pair) generator was initialised on one path: not at all ({@link Kind#NONE}), before
 * the current method ({@link Kind#PRIOR}, for generators read from fields), by code the frontend
 * cannot see ({@link Kind#ESCAPED}), or by an {@code init}/{@code initialize} call.
 *
 * @param size key size passed, or null when the call set none (curve or RNG only)
 * @param curve curve / parameter set passed, or null
 * @param at the init call (or the escape) location
 */
public record InitState(
    Kind kind, Value<Integer> size, Value<String> curve, RngSpec rng, Location at, String why) {

  public enum Kind {
    NONE,
    PRIOR,
    ESCAPED,
    INIT
  }

  public static final InitState NONE = new InitState(Kind.NONE, null, null, null, null, null);
  public static final InitState PRIOR = new InitState(Kind.PRIOR, null, null, null, null, null);

  public static InitState escaped(Location at, String why) {
    return new InitState(Kind.ESCAPED, null, null, null, at, why);
  }

  public static InitState init(Value<Integer> size, Value<String> curve, RngSpec rng, Location at) {
    return new InitState(Kind.INIT, size, curve, rng, at, null);
  }
}
