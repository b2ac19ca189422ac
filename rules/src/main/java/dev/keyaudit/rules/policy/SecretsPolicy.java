package dev.keyaudit.rules.policy;

/**
 * What a policy asks of key material and key secrets in code (rules KA301–KA303).
 *
 * @param forbidHardcodedKeys KA301
 * @param forbidEmbeddedPrivateKeys KA302
 * @param forbidHardcodedPasswords KA303
 */
public record SecretsPolicy(
    Threshold<Boolean> forbidHardcodedKeys,
    Threshold<Boolean> forbidEmbeddedPrivateKeys,
    Threshold<Boolean> forbidHardcodedPasswords) {}
