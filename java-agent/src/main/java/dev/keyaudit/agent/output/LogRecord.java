package dev.keyaudit.agent.output;

/** Something the event log writes as one line; the log adds timestamp, sequence and chain. */
public interface LogRecord {

  /** Event time as an ISO-8601 instant. */
  String timestamp();

  /** Writes this record's own fields. Runs on the writer thread. */
  void writeFields(JsonLine json);
}
