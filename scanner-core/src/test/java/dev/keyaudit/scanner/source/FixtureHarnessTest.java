package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture comparison fails in both directions, so a fixture test can fail. */
class FixtureHarnessTest {

  @TempDir Path dir;

  private Fixture fixture(String text) throws Exception {
    Path folder = dir.resolve("KA102-KeySizeBelowMinimum");
    Files.createDirectories(folder);
    Path file = folder.resolve("F.java");
    Files.writeString(file, text);
    return Fixture.read(file, "F.java");
  }

  private static final String TEXT =
      """
      // keyaudit-fixture: policy=cnsa-2.0 target-jdk=21 rules=KA102,KA104
      class F {
        void a() { g.initialize(1024); } // expect: KA102, KA104
        void b() { g.initialize(4096); } // ok: KA102
        void c() { g.initialize(512); } // todo-expect: KA102 #12
        void d() { g.initialize(3072); } // todo-ok: KA102 #13
      }
      """;

  @Test
  void headerAndMarkers() throws Exception {
    Fixture f = fixture(TEXT);
    assertThat(f.policy()).isEqualTo("cnsa-2.0");
    assertThat(f.targetJdk()).isEqualTo(21);
    assertThat(f.rules()).containsExactlyInAnyOrder("KA102", "KA104");
    assertThat(f.markers().get(3).expect()).containsExactly("KA102", "KA104");
    assertThat(f.folderRule()).isEqualTo("KA102");
    assertThat(f.inScope("KA101")).isFalse();
  }

  @Test
  void matchingFindingsPass() throws Exception {
    Fixture f = fixture(TEXT);
    assertThat(JavaFixtureTest.compare(f, Map.of(3, Set.of("KA102", "KA104"), 6, Set.of("KA102"))))
        .isEmpty();
  }

  @Test
  void everyKindOfMismatchFails() throws Exception {
    Fixture f = fixture(TEXT);
    assertThat(JavaFixtureTest.compare(f, Map.of(3, Set.of("KA102"))))
        .containsExactlyInAnyOrder(
            "line 3: expected KA104, not found",
            "line 6: KA102 is gone now: promote todo-ok to ok");
    assertThat(
            JavaFixtureTest.compare(
                f,
                Map.of(
                    3, Set.of("KA102", "KA104"),
                    4, Set.of("KA102"),
                    5, Set.of("KA102"),
                    6, Set.of("KA102"),
                    7, Set.of("KA104"))))
        .containsExactlyInAnyOrder(
            "line 4: KA102 found, but the line is marked ok",
            "line 4: unexpected KA102",
            "line 5: KA102 is found now: promote todo-expect to expect",
            "line 5: unexpected KA102",
            "line 7: unexpected KA104");
  }
}
