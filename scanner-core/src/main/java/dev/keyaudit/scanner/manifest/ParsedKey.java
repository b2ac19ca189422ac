package dev.keyaudit.scanner.manifest;

/**
 * What parsing a private key told: its algorithm, size in bits (0 when unknown), curve (or null),
 * and whether it is passphrase-protected.
 */
record ParsedKey(String algorithm, int bits, String curve, boolean encrypted) {}
