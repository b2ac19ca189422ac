package dev.keyaudit.scanner.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file's text, read with a size limit. Text that is not valid UTF-8 is decoded as ISO-8859-1 so
 * that ASCII keys and values are still found; {@code lossy} tells the caller to report it.
 *
 * @param lossy true when the bytes were not valid UTF-8
 */
public record TextContent(String text, boolean lossy) {

  /** Files larger than this are not configuration; they are reported and skipped. */
  public static final long MAX_TEXT_BYTES = 4L * 1024 * 1024;

  /** Thrown when a file is too large, binary or unreadable; the message says which. */
  public static final class UnreadableException extends Exception {
    private static final long serialVersionUID = 1L;

    public UnreadableException(String message) {
      super(message);
    }
  }

  public static TextContent read(Path path) throws UnreadableException {
    byte[] bytes = readBounded(path, MAX_TEXT_BYTES);
    if (looksBinary(bytes)) {
      throw new UnreadableException("binary content, not text");
    }
    return decode(bytes);
  }

  /** Reads at most {@code limit} bytes; a longer file is refused rather than truncated. */
  public static byte[] readBounded(Path path, long limit) throws UnreadableException {
    try {
      long size = Files.size(path);
      if (size > limit) {
        throw new UnreadableException("file too large (" + size + " bytes, limit " + limit + ")");
      }
      try (InputStream in = Files.newInputStream(path)) {
        byte[] bytes = in.readNBytes((int) limit + 1);
        if (bytes.length > limit) {
          throw new UnreadableException("file grew past the limit of " + limit + " bytes");
        }
        return bytes;
      }
    } catch (IOException e) {
      throw new UnreadableException("cannot read: " + e.getMessage());
    }
  }

  public static TextContent decode(byte[] bytes) {
    int offset = hasUtf8Bom(bytes) ? 3 : 0;
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset))
              .toString();
      return new TextContent(text, false);
    } catch (CharacterCodingException e) {
      return new TextContent(new String(bytes, StandardCharsets.ISO_8859_1), true);
    }
  }

  /** NUL bytes in the first 8 KiB: binary, as git and grep decide. */
  public static boolean looksBinary(byte[] bytes) {
    int n = Math.min(bytes.length, 8192);
    for (int i = 0; i < n; i++) {
      if (bytes[i] == 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasUtf8Bom(byte[] b) {
    return b.length >= 3 && (b[0] & 0xff) == 0xef && (b[1] & 0xff) == 0xbb && (b[2] & 0xff) == 0xbf;
  }
}
