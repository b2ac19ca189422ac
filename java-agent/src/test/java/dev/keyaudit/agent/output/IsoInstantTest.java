package dev.keyaudit.agent.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Timestamps are byte for byte what {@link Instant#toString()} gives. */
class IsoInstantTest {

  private final IsoInstant iso = new IsoInstant();
  private final byte[] buf = new byte[64];

  private String written(Instant t) {
    int end = iso.write(t, buf, 3);
    return new String(buf, 3, end - 3, StandardCharsets.US_ASCII);
  }

  @Test
  void fractionsOfEveryPrecisionAndWholeMinutes() {
    for (String s :
        new String[] {
          "2026-11-29T08:53:28.459093798Z",
          "2026-11-29T08:53:28.459093Z",
          "2026-11-29T08:53:28.459Z",
          "2026-11-29T08:53:28.000000001Z",
          "2026-11-29T08:53:00Z",
          "2026-11-29T00:00:00Z",
          "2026-11-29T08:53:00.100Z",
          "1970-01-01T00:00:00Z",
          "0000-01-01T00:00:00Z",
          "9999-12-31T23:59:59.999999999Z",
          "-0001-12-31T23:59:59Z",
          "+10000-01-01T00:00:00.5Z"
        }) {
      Instant t = Instant.parse(s);
      assertThat(written(t)).as(s).isEqualTo(t.toString());
    }
  }

  @Test
  void consecutiveAndRandomInstantsAgreeWithTheJdk() {
    SplittableRandom random = new SplittableRandom(7);
    Instant t = Instant.parse("2026-11-29T23:59:58Z");
    for (int i = 0; i < 20_000; i++) {
      // mostly small steps (the per-second cache), now and then a jump anywhere in 0000-9999
      t =
          random.nextInt(10) == 0
              ? Instant.ofEpochSecond(
                  random.nextLong(-62_167_219_200L, 253_402_300_799L),
                  random.nextInt(1_000_000_000))
              : t.plusNanos(random.nextLong(1, 400_000_000L));
      assertThat(written(t)).isEqualTo(t.toString());
    }
  }
}
