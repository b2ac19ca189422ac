package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;

/**
 * Key material handed to a key spec ({@code SecretKeySpec}, {@code DESKeySpec}, {@code
 * PKCS8EncodedKeySpec}, {@code X509EncodedKeySpec}, {@code RSAPrivateKeySpec}...). A {@link
 * Value.Known} material means the bytes come from literals or constants: a hardcoded key.
 *
 * @param api simple name of the spec class
 * @param algorithm the algorithm named with the key, or {@code null} when the spec has none
 */
public record SecretKeyConstruction(
    Location location, String api, Value<String> algorithm, Value<Secret> material)
    implements Fact {}
