package dev.keyaudit.agent.output;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * Writes an {@link Instant} exactly as {@link Instant#toString()} does, straight into a byte
 * buffer. The date and time of day are formatted once per second and reused (events come in bursts
 * within the same second); only the fraction is formatted per event. The JDK formatter was a
 * twentieth of the writer's time per event. Not thread-safe: one per {@link JsonLine}.
 */
final class IsoInstant {

  /** Years that {@code Instant.toString()} prints as four plain digits. */
  private static final long FIRST_SECOND = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();

  private static final long LAST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

  private long second = Long.MIN_VALUE;

  /** {@code yyyy-MM-ddTHH:mm:ss} of {@link #second}, or, outside four-digit years, unused. */
  private byte[] dateTime;

  /**
   * Writes {@code t} at {@code buf[at]}; returns the new end. {@code buf} must have room for 40
   * bytes.
   */
  int write(Instant t, byte[] buf, int at) {
    long s = t.getEpochSecond();
    if (s < FIRST_SECOND || s > LAST_SECOND) {
      // years the fast path does not shape like the JDK (signs, five digits): rare, done slowly
      byte[] slow = t.toString().getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(slow, 0, buf, at, slow.length);
      return at + slow.length;
    }
    if (s != second) {
      String text = LocalDateTime.ofEpochSecond(s, 0, ZoneOffset.UTC).toString();
      // LocalDateTime leaves out ":00" seconds (and minutes): Instant.toString never does
      dateTime = (text.length() == 16 ? text + ":00" : text).getBytes(StandardCharsets.US_ASCII);
      second = s;
    }
    System.arraycopy(dateTime, 0, buf, at, dateTime.length);
    int end = fraction(t.getNano(), buf, at + dateTime.length);
    buf[end] = 'Z';
    return end + 1;
  }

  /** {@code .nnn}, {@code .nnnnnn} or {@code .nnnnnnnnn} as needed, nothing for whole seconds. */
  private static int fraction(int nanos, byte[] buf, int at) {
    if (nanos == 0) {
      return at;
    }
    int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
    int value = digits == 3 ? nanos / 1_000_000 : digits == 6 ? nanos / 1_000 : nanos;
    buf[at] = '.';
    for (int i = digits; i > 0; i--) {
      buf[at + i] = (byte) ('0' + value % 10);
      value /= 10;
    }
    return at + digits + 1;
  }
}
