package dev.keyaudit.scanner.finding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the line hash against the test vectors published with github/codeql-action ({@code
 * src/fingerprints.test.ts}): any difference would give every KeyAudit alert a new identity on
 * GitHub.
 */
class LineHashFingerprintTest {

  private static final String EOF_LINE = "c129715d7a2bc9a3:1";

  @Test
  void emptyFileHasOneLine() {
    assertThat(LineHashFingerprint.lineHashes("")).containsExactly(EOF_LINE);
  }

  @Test
  void skipsLeadingSpacesAndTabs() {
    assertThat(LineHashFingerprint.lineHashes(" a\nb\n  \t\tc\n d"))
        .containsExactly(
            "271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1");
  }

  @Test
  void fileWithoutFinalNewline() {
    assertThat(LineHashFingerprint.lineHashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End"))
        .containsExactly(
            "8b7cf3e952e7aeb2:1",
            "b1ae1287ec4718d9:1",
            "bff680108adb0fcc:1",
            "c6805c5e1288b612:1",
            "b86d3392aea1be30:1",
            "e6ceba753e1a442:1");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
        " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
        " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
        " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n"
      })
  void allLineEndingsGiveTheSameHashes(String content) {
    assertThat(LineHashFingerprint.lineHashes(content))
        .containsExactly(
            "e9496ae3ebfced30:1",
            "fb7c023a8b9ccb3f:1",
            "ce8ba1a563dcdaca:1",
            "e20e36e16fcb0cc8:1",
            "b3edc88f2938467e:1",
            "c8e28b0b4002a3a0:1",
            EOF_LINE);
  }

  @Test
  void repeatedLinesAreCountedUntilTheWindowSeesTheEnd() {
    assertThat(LineHashFingerprint.lineHashes("Lorem ipsum dolor sit amet.\n".repeat(10)))
        .containsExactly(
            "a7f2ff13bc495cf2:1",
            "a7f2ff13bc495cf2:2",
            "a7f2ff13bc495cf2:3",
            "a7f2ff13bc495cf2:4",
            "a7f2ff13bc495cf2:5",
            "a7f2ff13bc495cf2:6",
            "a7f2ff1481e87703:1",
            "a9cf91f7bbf1862b:1",
            "55ec222b86bcae53:1",
            "cc97dc7b1d7d8f7b:1",
            EOF_LINE);
  }

  @Test
  void shortLines() {
    assertThat(
            LineHashFingerprint.lineHashes(
                "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n"))
        .containsExactly(
            "e54938cc54b302f1:1",
            "bb609acbe9138d60:1",
            "1131fd5871777f34:1",
            "5c482a0f8b35ea28:1",
            "54517377da7028d2:1",
            "2c644846cb18d53e:1",
            "f1b89f20de0d133:1",
            EOF_LINE);
  }

  @Test
  void oneHashPerLineForLongFiles() {
    String content = "int x = 1;\n".repeat(1000) + "end";
    assertThat(LineHashFingerprint.lineHashes(content)).hasSize(1001);
  }

  @Test
  void forLineUsesLineOneWhenTheLocationHasNoLine() {
    String content = " a\nb\n  \t\tc\n d";
    assertThat(LineHashFingerprint.forLine(content, 2)).isEqualTo("54703d4cd895b18:1");
    assertThat(LineHashFingerprint.forLine(content, 0)).isEqualTo("271789c17abda88f:1");
    assertThatThrownBy(() -> LineHashFingerprint.forLine(content, 5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("past the end");
  }

  @Test
  void fallbackDependsOnPathAndLineOnly() {
    String fallback = LineHashFingerprint.fallback("lib/app.jar!/com/acme/Keys.class", 42);
    assertThat(fallback).matches("[0-9a-f]{1,16}:1");
    assertThat(LineHashFingerprint.fallback("lib/app.jar!/com/acme/Keys.class", 42))
        .isEqualTo(fallback);
    assertThat(LineHashFingerprint.fallback("lib/app.jar!/com/acme/Keys.class", 43))
        .isNotEqualTo(fallback);
    assertThat(LineHashFingerprint.fallback("lib/app.jar!/com/acme/Other.class", 42))
        .isNotEqualTo(fallback);
    assertThat(LineHashFingerprint.fallback("x", 0))
        .isEqualTo(LineHashFingerprint.fallback("x", 1));
  }
}
