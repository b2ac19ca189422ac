package dev.keyaudit.scanner.source;

import static dev.keyaudit.scanner.source.SourceScan.lineOf;
import static dev.keyaudit.scanner.source.SourceScan.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.finding.Suppression;
import dev.keyaudit.scanner.scan.Notification;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** In-source waivers: what they cover, which rules, and why. */
class SuppressionScannerTest {

  private static final String SOURCE =
      """
      package com.acme;

      import java.security.KeyPairGenerator;

      @SuppressWarnings("keyaudit")
      class All {
        void a() throws Exception { KeyPairGenerator.getInstance("RSA"); }
      }

      class Methods {
        @SuppressWarnings("keyaudit:KA102") // HSM firmware only takes 1024-bit keys
        void a() throws Exception {
          KeyPairGenerator.getInstance("RSA").initialize(1024);
        }

        // legacy interop with the 2009 cards
        @SuppressWarnings({"unchecked", "keyaudit:KA101", "keyaudit:KA104"})
        void b() throws Exception {
          KeyPairGenerator.getInstance("DSA");
        }

        @SuppressWarnings(value = "keyaudit:KA102")
        private final int bits = 1024;

        @SuppressWarnings("unchecked")
        void notOurs() { }

        void c() throws Exception {
          @SuppressWarnings("keyaudit:KA104") KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
          // keyaudit:ignore KA102, KA104 -- test vector from RFC 8017
          kpg.initialize(1024);
          kpg.initialize(512); // keyaudit:ignore KA102 KA105 -- interop
          /* keyaudit:ignore KA101 -- block form */ kpg.initialize(2048);
          // keyaudit:ignore KA102
          kpg.initialize(768);
          // keyaudit:ignore KA12 -- typo
          // keyaudit:ignore -- no rule named

          // keyaudit:ignore KA102 -- skips blank and comment lines
          // another comment

          kpg.initialize(1);
        }
      }
      """;

  private static Suppression at(List<Suppression> all, int line) {
    return all.stream().filter(s -> s.startLine() == line).findFirst().orElseThrow();
  }

  @Test
  void annotationsCoverTheirDeclaration() {
    List<Suppression> s = scan(SOURCE).suppressions();
    Suppression all = at(s, lineOf(SOURCE, "@SuppressWarnings(\"keyaudit\")"));
    assertThat(all.ruleIds()).containsExactly(SuppressionScanner.ALL_RULES);
    assertThat(all.endLine()).isEqualTo(lineOf(SOURCE, "class All") + 2);
    assertThat(all.kind()).isEqualTo("annotation");
    assertThat(all.justification()).isEqualTo("@SuppressWarnings");

    Suppression a = at(s, lineOf(SOURCE, "@SuppressWarnings(\"keyaudit:KA102\")"));
    assertThat(a.ruleIds()).containsExactly("KA102");
    assertThat(a.endLine()).isEqualTo(lineOf(SOURCE, "initialize(1024);") + 1);
    assertThat(a.justification()).isEqualTo("HSM firmware only takes 1024-bit keys");

    Suppression b = at(s, lineOf(SOURCE, "\"unchecked\", \"keyaudit:KA101\""));
    assertThat(b.ruleIds()).containsExactlyInAnyOrder("KA101", "KA104");
    assertThat(b.justification()).isEqualTo("legacy interop with the 2009 cards");

    Suppression field = at(s, lineOf(SOURCE, "value = \"keyaudit:KA102\""));
    assertThat(field.endLine()).isEqualTo(lineOf(SOURCE, "private final int bits"));

    Suppression local =
        at(s, lineOf(SOURCE, "@SuppressWarnings(\"keyaudit:KA104\") KeyPairGenerator"));
    assertThat(local.ruleIds()).containsExactly("KA104");
    assertThat(local.endLine()).isEqualTo(local.startLine());

    assertThat(s)
        .noneMatch(x -> x.startLine() == lineOf(SOURCE, "@SuppressWarnings(\"unchecked\")"));
  }

  @Test
  void commentsCoverTheirLineOrTheNextCodeLine() {
    List<Suppression> s = scan(SOURCE).suppressions();
    Suppression own = at(s, lineOf(SOURCE, "kpg.initialize(1024);"));
    assertThat(own.ruleIds()).containsExactlyInAnyOrder("KA102", "KA104");
    assertThat(own.kind()).isEqualTo("comment");
    assertThat(own.justification()).isEqualTo("test vector from RFC 8017");

    Suppression trailing = at(s, lineOf(SOURCE, "kpg.initialize(512);"));
    assertThat(trailing.ruleIds()).isEqualTo(Set.of("KA102", "KA105"));
    assertThat(trailing.justification()).isEqualTo("interop");

    assertThat(at(s, lineOf(SOURCE, "kpg.initialize(2048);")).ruleIds()).containsExactly("KA101");
    assertThat(at(s, lineOf(SOURCE, "kpg.initialize(1);")).justification())
        .isEqualTo("skips blank and comment lines");
  }

  @Test
  void aCommentWithoutReasonIsNotHonouredButWarned() {
    FileResult result = scan(SOURCE);
    assertThat(result.suppressions())
        .noneMatch(x -> x.startLine() == lineOf(SOURCE, "kpg.initialize(768);"));
    List<Notification> warnings =
        result.notifications().stream().filter(n -> n.level().equals("warning")).toList();
    assertThat(warnings)
        .extracting(Notification::line)
        .containsExactly(
            lineOf(SOURCE, "kpg.initialize(768);") - 1,
            lineOf(SOURCE, "KA12 -- typo"),
            lineOf(SOURCE, "-- no rule named"));
    assertThat(warnings.get(0).message()).contains("no reason").contains("not honoured");
    assertThat(warnings.get(1).message()).contains("KA12");
  }
}
