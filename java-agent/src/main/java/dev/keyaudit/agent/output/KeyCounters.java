package dev.keyaudit.agent.output;

import dev.keyaudit.agent.event.KeyEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters instead of lines for keys the JDK makes on its own: TLS handshakes generate ephemeral
 * key pairs and derive session keys constantly. Counts are grouped by purpose, algorithm, size,
 * curve, provider and RNG, and written as {@code key-generation-summary} records with the count
 * since the previous summary.
 */
public final class KeyCounters {

  private record Group(
      String purpose, String algorithm, int size, String curve, String provider, String rng) {}

  private final Map<Group, LongAdder> counts = new ConcurrentHashMap<>();
  private final Map<Group, Long> reported = new HashMap<>();

  /** Counts one event (application thread; lock-free after the first of a group). */
  public void count(KeyEvent e) {
    Group g =
        new Group(
            e.purpose(),
            e.algorithm(),
            e.keySize(),
            e.curve(),
            e.provider(),
            e.rng() == null ? null : e.rng().algorithm());
    counts.computeIfAbsent(g, k -> new LongAdder()).increment();
  }

  /** Writes a summary per group that grew (writer thread only). */
  public void flush(EventLog log) {
    counts.forEach(
        (g, adder) -> {
          long now = adder.sum();
          long before = reported.getOrDefault(g, 0L);
          if (now > before) {
            reported.put(g, now);
            long delta = now - before;
            log.offer(
                new SimpleRecord("key-generation-summary")
                    .with(
                        j ->
                            j.put("event.outcome", "success")
                                .put("crypto.purpose", g.purpose())
                                .put("crypto.algorithm", g.algorithm())
                                .putPositive("crypto.key.size", g.size())
                                .put("crypto.key.curve", g.curve())
                                .put("crypto.provider.name", g.provider())
                                .put("crypto.rng.algorithm", g.rng())
                                .put("keyaudit.count", delta)
                                .put("keyaudit.count_total", now)));
          }
        });
  }
}
