package dev.keyaudit.agent.output;

import java.time.Instant;
import java.util.function.Consumer;

/** A record that is not a key event: agent start and stop, lost events, summaries, RNG sharing. */
public final class SimpleRecord implements LogRecord {

  private final Instant timestamp = Instant.now();
  private final String action;
  private Consumer<JsonLine> fields = j -> {};

  public SimpleRecord(String action) {
    this.action = action;
  }

  /** Adds fields (written on the writer thread). */
  public SimpleRecord with(Consumer<JsonLine> more) {
    Consumer<JsonLine> before = fields;
    fields = before.andThen(more);
    return this;
  }

  @Override
  public Instant timestamp() {
    return timestamp;
  }

  @Override
  public void writeFields(JsonLine json) {
    json.put("event.kind", "event").put("event.action", action);
    fields.accept(json);
  }
}
