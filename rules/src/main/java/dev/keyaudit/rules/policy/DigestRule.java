package dev.keyaudit.rules.policy;

import dev.keyaudit.rules.jca.DigestUse;
import java.util.Map;
import java.util.Objects;

/**
 * A policy's verdict on a hash function, per use: SP 800-131A Rev. 2 disallows SHA-1 for signatures
 * but accepts it in HMAC. A use the policy does not name is acceptable.
 */
public record DigestRule(String digest, Map<DigestUse, AlgorithmStatus> statuses, String source)
    implements java.io.Serializable {

  public DigestRule {
    Objects.requireNonNull(digest, "digest");
    Objects.requireNonNull(source, "source");
    statuses = Map.copyOf(statuses);
  }

  public AlgorithmStatus statusFor(DigestUse use) {
    return statuses.getOrDefault(use, AlgorithmStatus.ACCEPTABLE);
  }

  /** e.g. "SHA-1 for signatures disallowed (NIST SP 800-131A Rev. 2, Table 8)". */
  public String describe(DigestUse use) {
    return digest + " " + useLabel(use) + " " + statusFor(use).label() + " (" + source + ")";
  }

  static String useLabel(DigestUse use) {
    return switch (use) {
      case SIGNATURE -> "for signatures";
      case HMAC -> "in HMAC";
      case OTHER -> "for hashing";
    };
  }
}
