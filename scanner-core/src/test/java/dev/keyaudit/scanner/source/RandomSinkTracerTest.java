package dev.keyaudit.scanner.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.NonCryptoRandomUse.RandomSink;
import org.junit.jupiter.api.Test;

class RandomSinkTracerTest {

  @Test
  void namesThatSayWhatTheyHold() {
    assertThat(RandomSinkTracer.forName("aesKey")).isEqualTo(RandomSink.KEY_MATERIAL);
    assertThat(RandomSinkTracer.forName("SECRET_BYTES")).isEqualTo(RandomSink.KEY_MATERIAL);
    assertThat(RandomSinkTracer.forName("IV")).isEqualTo(RandomSink.IV);
    assertThat(RandomSinkTracer.forName("gcmNonce")).isEqualTo(RandomSink.IV);
    assertThat(RandomSinkTracer.forName("salt")).isEqualTo(RandomSink.SALT);
    assertThat(RandomSinkTracer.forName("setSeed")).isEqualTo(RandomSink.SEED);
    assertThat(RandomSinkTracer.forName("tempPwd")).isEqualTo(RandomSink.PASSWORD);
    assertThat(RandomSinkTracer.forName("generatePassphrase")).isEqualTo(RandomSink.PASSWORD);
    assertThat(RandomSinkTracer.forName("csrfToken")).isEqualTo(RandomSink.TOKEN);
    assertThat(RandomSinkTracer.forName("HTTPSessionID")).isEqualTo(RandomSink.TOKEN);
    assertThat(RandomSinkTracer.forName("otp")).isEqualTo(RandomSink.TOKEN);
    assertThat(RandomSinkTracer.forName("sessiontoken")).isEqualTo(RandomSink.TOKEN);
    assertThat(RandomSinkTracer.forName("keyAndIv")).isEqualTo(RandomSink.KEY_MATERIAL);
  }

  @Test
  void namesThatDescribeRatherThanHold() {
    assertThat(RandomSinkTracer.forName("keySize")).isNull();
    assertThat(RandomSinkTracer.forName("saltLength")).isNull();
    assertThat(RandomSinkTracer.forName("tokenCount")).isNull();
    assertThat(RandomSinkTracer.forName("monkey")).isNull();
    assertThat(RandomSinkTracer.forName("asphalt")).isNull();
    assertThat(RandomSinkTracer.forName("dice")).isNull();
  }

  @Test
  void wordSplitting() {
    assertThat(RandomSinkTracer.words("HTTPSessionID2fa_token"))
        .containsExactly("http", "session", "id", "fa", "token");
  }
}
