package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ApiMentionFilterTest {

  @Test
  void apiNamesRandomPemAndWaiversMatter() {
    assertThat(ApiMentionFilter.mayMatter("var g = KeyPairGenerator.getInstance(a);")).isTrue();
    assertThat(ApiMentionFilter.mayMatter("double d = Math.random();")).isTrue();
    assertThat(ApiMentionFilter.mayMatter("\"-----BEGIN PRIVATE KEY-----\"")).isTrue();
    assertThat(ApiMentionFilter.mayMatter("// keyaudit:ignore KA101 -- x")).isTrue();
  }

  @Test
  void longBase64RunsMatterEvenWithoutApiNames() {
    String base64 = "\"MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQggeg2MpNHPlSWB4wG\"";
    assertThat(ApiMentionFilter.mayMatter("String k = " + base64 + ";")).isTrue();
    assertThat(ApiMentionFilter.mayMatter("String k = \"MIGHAgEAMBMGByqGSM49\";")).isFalse();
  }

  @Test
  void ordinaryCodeDoesNot() {
    assertThat(
            ApiMentionFilter.mayMatter(
                "class Invoice { int total(java.util.List<Integer> lines) { return 0; } }"))
        .isFalse();
    assertThat(ApiMentionFilter.mayMatter("class A { String randomName; Cipherx c; }")).isFalse();
  }
}
