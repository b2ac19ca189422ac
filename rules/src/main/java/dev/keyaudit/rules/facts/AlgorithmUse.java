package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Value;

/**
 * A key used with an algorithm: {@code Cipher}, {@code Mac}, {@code Signature}, {@code
 * MessageDigest}, {@code SecretKeyFactory}, {@code KeyAgreement} {@code getInstance(...)}.
 *
 * @param api simple class name, e.g. "Cipher"
 * @param algorithm the full transformation or algorithm ("DES/CBC/PKCS5Padding", "HmacMD5")
 */
public record AlgorithmUse(Location location, String api, Value<String> algorithm)
    implements Fact {}
