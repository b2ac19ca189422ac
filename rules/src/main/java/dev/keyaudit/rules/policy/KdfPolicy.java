package dev.keyaudit.rules.policy;

/**
 * What a policy asks of password-based key derivation (rules KA304, KA305).
 *
 * @param minIterations PBKDF2 / PBE iteration count floor
 * @param minSaltBytes salt length floor, in bytes
 * @param minDerivedKeyBits derived key length floor, in bits
 * @param forbidConstantSalt KA305: salts must not be constants
 */
public record KdfPolicy(
    Threshold<Integer> minIterations,
    Threshold<Integer> minSaltBytes,
    Threshold<Integer> minDerivedKeyBits,
    Threshold<Boolean> forbidConstantSalt)
    implements java.io.Serializable {}
