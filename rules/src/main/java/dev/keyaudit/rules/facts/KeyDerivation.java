package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;

/**
 * Password-based key derivation parameters: {@code PBEKeySpec(password, salt, iterations,
 * keyLength)}, {@code PBEParameterSpec(salt, iterations)}.
 *
 * @param salt Known when the salt is a literal or constant (a constant salt)
 * @param iterations iteration count
 * @param keyLength derived key length in bits, or null when the spec has none
 */
public record KeyDerivation(
    Location location,
    String api,
    Value<Secret> salt,
    Value<Integer> iterations,
    Value<Integer> keyLength)
    implements Fact {}
