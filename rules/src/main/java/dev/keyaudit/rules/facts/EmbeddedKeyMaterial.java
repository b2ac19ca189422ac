package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.Secret;

/**
 * Key material written into a string in code: a PEM block ({@code -----BEGIN PRIVATE KEY-----}) or
 * a long base64 string that decodes to a PKCS#8 / PKCS#1 private key.
 *
 * @param kind e.g. "PEM RSA PRIVATE KEY", "base64 PKCS#8 private key"
 */
public record EmbeddedKeyMaterial(Location location, String kind, Secret material)
    implements Fact {}
