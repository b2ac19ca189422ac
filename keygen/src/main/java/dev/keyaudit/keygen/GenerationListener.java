package dev.keyaudit.keygen;

/**
 * Receives every generation record, success or failure, on the generating thread. A listener that
 * throws does not stop the generation; the error is logged.
 */
@FunctionalInterface
public interface GenerationListener {
  void onRecord(GenerationRecord record);
}
