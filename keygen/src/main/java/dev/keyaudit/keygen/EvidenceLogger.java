package dev.keyaudit.keygen;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.List;

/**
 * Emits each generation record: as one JSON line to the {@code System.Logger} named {@value
 * #LOGGER_NAME} (INFO on success, WARNING on failure), then to the listeners. A listener's
 * exception is logged, not propagated: evidence must not break key generation.
 */
final class EvidenceLogger {

  static final String LOGGER_NAME = "dev.keyaudit.keygen.evidence";

  private static final Logger LOG = System.getLogger(LOGGER_NAME);

  private EvidenceLogger() {}

  static void emit(GenerationRecord record, List<GenerationListener> listeners) {
    Level level = record.outcome().success() ? Level.INFO : Level.WARNING;
    if (LOG.isLoggable(level)) {
      LOG.log(level, record.toJson());
    }
    for (GenerationListener listener : listeners) {
      try {
        listener.onRecord(record);
      } catch (RuntimeException e) {
        LOG.log(Level.ERROR, "generation listener " + listener.getClass().getName() + " failed", e);
      }
    }
  }
}
