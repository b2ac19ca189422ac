package dev.keyaudit.agent.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The tamper-evidence chain of the event log: every line carries {@code prev_hash}, the SHA-384 of
 * the previous line's exact UTF-8 bytes (without the newline); the first line of a log carries
 * {@link #GENESIS}. Editing, removing or reordering a line breaks the chain at the next line. The
 * offline verifier in scanner-core implements the same rule independently.
 */
public final class HashChain {

  public static final String GENESIS = "0".repeat(96);

  private final MessageDigest sha384;
  private String previous;

  public HashChain(String previous) {
    this.previous = previous;
    try {
      this.sha384 = MessageDigest.getInstance("SHA-384");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-384 is mandatory in every JDK", e);
    }
  }

  /** The hash the next line must carry. */
  public String previous() {
    return previous;
  }

  /** Records that the line {@code utf8[0, length)} was written: the bytes actually written. */
  public void append(byte[] utf8, int length) {
    sha384.update(utf8, 0, length);
    previous = HexFormat.of().formatHex(sha384.digest());
  }

  public String hash(String line) {
    return HexFormat.of().formatHex(sha384.digest(line.getBytes(StandardCharsets.UTF_8)));
  }
}
