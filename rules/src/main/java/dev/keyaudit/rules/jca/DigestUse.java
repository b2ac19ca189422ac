package dev.keyaudit.rules.jca;

/**
 * How a hash function is used. Standards judge a hash per use: SP 800-131A Rev. 2 disallows SHA-1
 * for signature generation but accepts it inside HMAC, because HMAC relies on preimage resistance,
 * not collision resistance.
 */
public enum DigestUse {
  /** Hash of a signature scheme ("SHA1withRSA"). */
  SIGNATURE,
  /** Inside HMAC, including HMAC-based KDFs ("HmacSHA1", "PBKDF2WithHmacSHA1"). */
  HMAC,
  /** Anything else: plain MessageDigest, PBKDF1-style PBE ("PBEWithMD5AndDES"). */
  OTHER
}
