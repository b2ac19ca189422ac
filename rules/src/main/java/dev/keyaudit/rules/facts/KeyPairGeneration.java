package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.RngSpec;
import dev.keyaudit.rules.model.Value;

/**
 * An asymmetric key pair generated with {@code KeyPairGenerator}. The location is the {@code
 * getInstance} call; size, curve and RNG values end their traces at the {@code initialize} call.
 *
 * @param keySize modulus / field size in bits ({@code initialize(2048)}, {@code
 *     RSAKeyGenParameterSpec}); {@link Value.Default} when {@code initialize} was never called
 * @param curve named curve or parameter set ({@code ECGenParameterSpec("secp384r1")}, {@code
 *     NamedParameterSpec}); {@code null} when the generator was initialised by size only or the
 *     algorithm has no curve — the evaluator derives the curve from the size where the JDK does
 */
public record KeyPairGeneration(
    Location location,
    Value<String> algorithm,
    Value<Integer> keySize,
    Value<String> curve,
    RngSpec rng)
    implements Fact {}
