package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.scanner.jca.RandomSinkNames;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides where non-cryptographic random output ends up: at a key-spec / IV / salt / seed API
 * argument (the caller says which), or in a variable, field or method whose name says what it holds
 * ({@code sessionToken}, {@code iv}, {@code generatePassword}; see {@link RandomSinkNames}).
 * Records the sink on every source whose output reached it.
 */
final class RandomSinkTracer {

  private RandomSinkTracer() {}

  /** The sink an identifier names, or null when it names none. */
  static RandomSink forName(String identifier) {
    return RandomSinkNames.forName(identifier);
  }

  /** Records that the random output in {@code value} reached an API argument that is a sink. */
  static void reach(AbstractValue value, RandomSink sink, TraceStep step) {
    record(value, sink, step, false);
  }

  private static void record(AbstractValue value, RandomSink sink, TraceStep step, boolean byName) {
    for (AbstractValue.Taint taint : value.taints) {
      List<TraceStep> flow = new ArrayList<>(taint.flow());
      flow.add(step);
      taint.source().sinks.add(new Receiver.SinkEvent(sink, flow, byName));
    }
  }

  /** Records a sink when {@code value} is random output and {@code name} names a secret. */
  static void reachNamed(AbstractValue value, String name, TraceStep step) {
    if (!value.isTainted()) {
      return;
    }
    RandomSink sink = forName(name);
    if (sink != null) {
      record(value, sink, step, true);
    }
  }

  /** camelCase, snake_case and digits split into lower-case words. */
  static List<String> words(String identifier) {
    return RandomSinkNames.words(identifier);
  }
}
