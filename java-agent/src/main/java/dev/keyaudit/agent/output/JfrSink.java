package dev.keyaudit.agent.output;

import dev.keyaudit.agent.event.KeyEvent;
import jdk.jfr.EventType;

/**
 * Emits {@link KeyGenerationJfrEvent}s. Only touched when the {@code jdk.jfr} module exists
 * (jlink'd runtimes may lack it); the enabled check is one volatile read when no recording wants
 * the event.
 */
public final class JfrSink {

  private final EventType type = EventType.getEventType(KeyGenerationJfrEvent.class);

  /** Null when this runtime has no JFR. */
  public static JfrSink createIfAvailable() {
    return ModuleLayer.boot().findModule("jdk.jfr").isPresent() ? new JfrSink() : null;
  }

  /** Whether a running recording wants the event (one volatile read). */
  public boolean enabled() {
    return type.isEnabled();
  }

  public void emit(KeyEvent e) {
    KeyGenerationJfrEvent.commit(e);
  }
}
