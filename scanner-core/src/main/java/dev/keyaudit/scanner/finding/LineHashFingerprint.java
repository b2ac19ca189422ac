package dev.keyaudit.scanner.finding;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub code scanning's {@code primaryLocationLineHash}, computed exactly as github/codeql-action
 * computes it ({@code src/fingerprints.ts}), so an alert keeps its identity whether KeyAudit's
 * SARIF is uploaded by the Action (which keeps a fingerprint that is already present) or through
 * the REST API (which computes none).
 *
 * <p>The algorithm: CR and CRLF count as LF; spaces and tabs are skipped; a polynomial rolling hash
 * with base 37 in 64-bit two's-complement arithmetic runs over the remaining UTF-16 code units,
 * followed by one end-of-file sentinel and enough zeros to fill the window. The hash of a line is
 * the hash of the {@value #BLOCK_SIZE} code units that start at its first remaining code unit (so
 * it also covers the following lines), rendered as unsigned hex plus {@code :n}, where {@code n}
 * counts that hash's occurrences so far in the file. A file of {@code k} line breaks has {@code k +
 * 1} lines; the last may be empty.
 *
 * <p>The Action's comment calls the sentinel "-1", but its code feeds {@code 65535} (the value
 * {@code charCodeAt} gives past the end of the string, truncated to 16 bits); the published test
 * vectors, which this class's tests check, are computed with 65535.
 */
public final class LineHashFingerprint {

  static final int BLOCK_SIZE = 100;
  private static final long BASE = 37;
  private static final int END_OF_FILE = 65535;

  /** BASE^BLOCK_SIZE, wrapping: the weight of the code unit that leaves the window. */
  private static final long LEAVING_WEIGHT = leavingWeight();

  private LineHashFingerprint() {}

  /**
   * The hash of every line of {@code content}: element {@code i} is line {@code i + 1}. Compute
   * once per file: the occurrence counter makes each line's value depend on the lines above it.
   */
  public static List<String> lineHashes(String content) {
    return new Hasher().run(content);
  }

  /**
   * The hash of one line. Line numbers below 1 mean "no line" and use line 1, as the Action does
   * for a region without a start line.
   *
   * @throws IllegalArgumentException when the file has fewer lines
   */
  public static String forLine(String content, int line) {
    List<String> hashes = lineHashes(content);
    return pick(hashes, line)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "line " + line + " is past the end of a " + hashes.size() + "-line file"));
  }

  /**
   * The hash of one line from a precomputed {@link #lineHashes} list, if the file has that line.
   */
  public static java.util.Optional<String> pick(List<String> hashes, int line) {
    int effective = Math.max(1, line);
    return effective <= hashes.size()
        ? java.util.Optional.of(hashes.get(effective - 1))
        : java.util.Optional.empty();
  }

  /**
   * The fingerprint for a location whose file cannot be read: an entry inside an archive, a file
   * that is gone, too large, or a line past its end. It is the same hash applied to the one-line
   * text {@code "<path>:<line>"} (line 1 when the location has none), so it has the same shape as a
   * real one and is stable from run to run — but, knowing no content, it changes when the line
   * number changes. The Action cannot hash such files either, so it never contradicts this value.
   */
  public static String fallback(String path, int line) {
    return lineHashes(path + ":" + Math.max(1, line)).get(0);
  }

  private static long leavingWeight() {
    long weight = 1;
    for (int i = 0; i < BLOCK_SIZE; i++) {
      weight *= BASE;
    }
    return weight;
  }

  /** One pass over one file; the window and counters are the state of the rolling hash. */
  private static final class Hasher {
    private final int[] window = new int[BLOCK_SIZE];

    /** The line that starts at each window slot, or -1: that line's hash is due when it leaves. */
    private final int[] lineStarts = new int[BLOCK_SIZE];

    private final Map<String, Integer> occurrences = new HashMap<>();
    private final List<String> hashes = new ArrayList<>();
    private long hash;
    private int index;
    private int lineNumber;
    private boolean atLineStart = true;
    private boolean afterCarriageReturn;

    List<String> run(String content) {
      java.util.Arrays.fill(lineStarts, -1);
      for (int i = 0; i < content.length(); i++) {
        accept(content.charAt(i));
      }
      accept(END_OF_FILE);
      for (int i = 0; i < BLOCK_SIZE; i++) {
        emitIfLineStart();
        roll(0);
      }
      return List.copyOf(hashes);
    }

    private void accept(int codeUnit) {
      int current = codeUnit;
      if (current == ' ' || current == '\t' || (afterCarriageReturn && current == '\n')) {
        afterCarriageReturn = false;
        return;
      }
      afterCarriageReturn = current == '\r';
      if (current == '\r') {
        current = '\n';
      }
      emitIfLineStart();
      if (atLineStart) {
        atLineStart = false;
        lineNumber++;
        lineStarts[index] = lineNumber;
      }
      if (current == '\n') {
        atLineStart = true;
      }
      roll(current);
    }

    /** The slot about to be overwritten started a line BLOCK_SIZE code units ago: emit it. */
    private void emitIfLineStart() {
      if (lineStarts[index] == -1) {
        return;
      }
      String hex = Long.toHexString(hash);
      int count = occurrences.merge(hex, 1, Integer::sum);
      // Lines leave the window in order, so the list index is the line number minus one.
      hashes.add(hex + ":" + count);
      lineStarts[index] = -1;
    }

    private void roll(int current) {
      int leaving = window[index];
      window[index] = current;
      hash = BASE * hash + current - LEAVING_WEIGHT * leaving;
      index = (index + 1) % BLOCK_SIZE;
    }
  }
}
