package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Value;

/**
 * A symmetric key generated with {@code KeyGenerator}: {@code getInstance(algorithm)}, then {@code
 * init(...)} (or not) and {@code generateKey()}. The location is the {@code getInstance} call that
 * creates the generator (the key generation site); size and RNG values end their traces at the
 * {@code init} call.
 *
 * @param keySize bits passed to {@code init}; {@link Value.Default} when {@code init} was never
 *     called (the provider default for the target JDK)
 */
public record KeyGeneration(
    Location location, Value<String> algorithm, Value<Integer> keySize, RngSpec rng)
    implements Fact {}
