package dev.keyaudit.scanner.source;

import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import dev.keyaudit.rules.facts.RngSeeding.SeedSource;
import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import dev.keyaudit.rules.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * Something API calls are made on whose history becomes a fact at the end of the file: an object
 * created in this file ({@link TrackedObject}) or a field read where it is not known which object
 * it holds ({@link FieldSlot}; its history is shared by every object stored in the field).
 */
abstract sealed class Receiver permits TrackedObject, FieldSlot {

  /** Every {@code init}/{@code initialize} call seen, in walk order. */
  final List<InitState> inits = new ArrayList<>();

  /** The initialisation states that reached each {@code generateKey}/{@code generateKeyPair}. */
  final List<GenerateEvent> generates = new ArrayList<>();

  /** Where non-cryptographic random output ended up. */
  final List<SinkEvent> sinks = new ArrayList<>();

  /** {@code setSeed} calls. */
  final List<SeedEvent> seeds = new ArrayList<>();

  /** A generate call and the initialisation states that may reach it. */
  record GenerateEvent(List<InitState> states, Location at) {}

  /**
   * Random output reaching a sink, with the path from the draw to the sink.
   *
   * @param byName the sink was told by a name ({@code token = ...}), not by an API argument
   */
  record SinkEvent(RandomSink sink, List<TraceStep> flow, boolean byName) {}

  /** A {@code setSeed} call. */
  record SeedEvent(Location at, String api, Value<SeedSource> seed, boolean beforeFirstUse) {}
}
