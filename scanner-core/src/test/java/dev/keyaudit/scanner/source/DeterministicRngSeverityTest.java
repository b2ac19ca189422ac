package dev.keyaudit.scanner.source;

import static dev.keyaudit.scanner.source.SourceScan.scan;

import org.junit.jupiter.api.Test;

/**
 * A SHA1PRNG is deterministic once seeded: KA202 at its creation is an error where its output (or
 * the key generator it feeds) is security-sensitive, a note where it was followed to nothing
 * sensitive. Markers in fixtures only tell the rule, so the severity is checked here ({@link
 * RandomSeverityCases}, shared with the bytecode test).
 */
class DeterministicRngSeverityTest {

  @Test
  void severityFollowsWhereTheOutputGoesAcrossMethods() {
    RandomSeverityCases.assertSha1prngSeverities(scan(RandomSeverityCases.SHA1PRNG_USES).facts());
  }

  @Test
  void aPredictableSeedIsAnErrorForKeysAndANoteForASimulation() {
    RandomSeverityCases.assertSeedSeverities(scan(RandomSeverityCases.SEEDED_RANDOMS).facts());
  }
}
