package dev.keyaudit.keygen;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Test listener that keeps every record it is given. */
final class Recorder implements GenerationListener {
  private final List<GenerationRecord> records = new CopyOnWriteArrayList<>();

  @Override
  public void onRecord(GenerationRecord record) {
    records.add(record);
  }

  List<GenerationRecord> records() {
    return List.copyOf(records);
  }

  GenerationRecord last() {
    if (records.isEmpty()) {
      throw new AssertionError("no record was emitted");
    }
    return records.get(records.size() - 1);
  }
}
