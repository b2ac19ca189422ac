package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;
import dev.keyaudit.rules.model.Value;

/**
 * A password protecting keys: {@code PBEKeySpec}, {@code KeyStore.load}, {@code KeyStore.getKey},
 * {@code KeyStore.PasswordProtection}, {@code KeyManagerFactory.init}. A {@link Value.Known}
 * password is hardcoded.
 *
 * @param api e.g. "KeyStore.load"
 */
public record KeyPassword(Location location, String api, Value<Secret> password) implements Fact {}
