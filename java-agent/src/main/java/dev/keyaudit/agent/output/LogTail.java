package dev.keyaudit.agent.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * The last line of an existing event log, read from the end of the file: the agent appends to a log
 * that may hold gigabytes, and it opens the log in {@code premain}, on the application's start-up
 * path.
 */
final class LogTail {

  private static final int BLOCK = 8192;

  private LogTail() {}

  /** The last non-blank line (without its line break), or null when there is none. */
  static String lastLine(Path file) throws IOException {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      long pos = ch.size();
      byte[] tail = new byte[0];
      while (true) {
        int end = tail.length;
        while (end > 0 && isBlank(tail[end - 1])) {
          end--;
        }
        int start = end;
        while (start > 0 && tail[start - 1] != '\n' && tail[start - 1] != '\r') {
          start--;
        }
        boolean complete = start > 0 || pos == 0;
        if (end > 0 && complete) {
          return new String(tail, start, end - start, StandardCharsets.UTF_8);
        }
        if (pos == 0) {
          return null;
        }
        int n = (int) Math.min(BLOCK, pos);
        pos -= n;
        tail = prepend(ch, pos, n, tail, end);
      }
    }
  }

  /** Reads {@code n} bytes at {@code pos} before the first {@code keep} bytes of {@code tail}. */
  private static byte[] prepend(FileChannel ch, long pos, int n, byte[] tail, int keep)
      throws IOException {
    ByteBuffer block = ByteBuffer.allocate(n);
    while (block.hasRemaining()) {
      if (ch.read(block, pos + block.position()) < 0) {
        throw new IOException("log shrank while its last line was read");
      }
    }
    byte[] joined = Arrays.copyOf(block.array(), n + keep);
    System.arraycopy(tail, 0, joined, n, keep);
    return joined;
  }

  private static boolean isBlank(byte b) {
    return b == '\n' || b == '\r' || b == ' ' || b == '\t';
  }
}
