package dev.keyaudit.rules.policy;

/**
 * What a policy asks of key material and key secrets in code (rules KA301–KA303).
 *
 * @param forbidHardcodedKeys KA301
 * @param forbidEmbeddedPrivateKeys KA302
 * @param forbidHardcodedPasswords KA303
 * @param minCredentialEntropy KA404: Shannon entropy (bits per character) from which a value under
 *     a credential-like name counts as a real secret
 * @param minCredentialLength KA404: shortest such value, in characters
 */
public record SecretsPolicy(
    Threshold<Boolean> forbidHardcodedKeys,
    Threshold<Boolean> forbidEmbeddedPrivateKeys,
    Threshold<Boolean> forbidHardcodedPasswords,
    Threshold<Double> minCredentialEntropy,
    Threshold<Integer> minCredentialLength)
    implements java.io.Serializable {}
