package dev.keyaudit.agent.output;

import java.time.Instant;

/** Something the event log writes as one line; the log adds timestamp, sequence and chain. */
public interface LogRecord {

  /** Event time (written as an ISO-8601 instant), or null. */
  Instant timestamp();

  /** Writes this record's own fields. Runs on the writer thread. */
  void writeFields(JsonLine json);
}
