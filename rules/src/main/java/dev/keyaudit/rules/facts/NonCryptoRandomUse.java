package dev.keyaudit.rules.facts;

import dev.keyaudit.rules.model.Location;
import dev.keyaudit.rules.model.TraceStep;
import java.util.List;

/**
 * A non-cryptographic random generator used ({@code java.util.Random}, {@code Math.random}, {@code
 * ThreadLocalRandom}, {@code SplittableRandom}, commons-lang {@code RandomStringUtils}...).
 *
 * @param api the generator, e.g. "java.util.Random"
 * @param sink where its output ends up, as far as the frontend followed it
 * @param flow the path from creation to the sink
 */
public record NonCryptoRandomUse(
    Location location, String api, RandomSink sink, List<TraceStep> flow) implements Fact {

  public NonCryptoRandomUse {
    flow = List.copyOf(flow);
  }

  /** Where random output ends up; everything but OTHER is security-sensitive. */
  public enum RandomSink {
    KEY_MATERIAL,
    IV,
    SALT,
    SEED,
    PASSWORD,
    TOKEN,
    OTHER;

    public boolean sensitive() {
      return this != OTHER;
    }
  }
}
