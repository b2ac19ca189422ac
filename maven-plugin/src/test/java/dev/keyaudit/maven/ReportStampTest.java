package dev.keyaudit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportStampTest {

  @TempDir Path dir;

  private ReportStamp stamp(String category) {
    return new ReportStamp(
        dir, dir.resolve("scan-cache.json"), category, List.of(dir.resolve("keyaudit.sarif")));
  }

  private void write(String name, String content, long millis) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, content);
    Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
  }

  @Test
  void reportsWrittenFromTheCurrentCacheEntryAreCurrent() throws Exception {
    write("scan-cache.json", "{}", 1_000);
    write("keyaudit.sarif", "{sarif}", 2_000);
    assertThat(stamp("keyaudit/app/").current()).isFalse();
    stamp("keyaudit/app/").record();
    assertThat(stamp("keyaudit/app/").current()).isTrue();
    assertThat(stamp("keyaudit/other/").current()).isFalse();
  }

  @Test
  void aNewCacheEntryATouchedOrMissingReportIsNotCurrent() throws Exception {
    write("scan-cache.json", "{}", 1_000);
    write("keyaudit.sarif", "{sarif}", 2_000);
    stamp("c").record();

    write("keyaudit.sarif", "{edited}", 2_000);
    assertThat(stamp("c").current()).isFalse();

    write("keyaudit.sarif", "{sarif}", 2_000);
    assertThat(stamp("c").current()).isTrue();
    write("scan-cache.json", "{}", 3_000);
    assertThat(stamp("c").current()).isFalse();

    write("scan-cache.json", "{}", 1_000);
    Files.delete(dir.resolve("keyaudit.sarif"));
    assertThat(stamp("c").current()).isFalse();
  }

  @Test
  void clearForgetsTheReports() throws Exception {
    write("scan-cache.json", "{}", 1_000);
    write("keyaudit.sarif", "{sarif}", 2_000);
    stamp("c").record();
    stamp("c").clear();
    assertThat(stamp("c").current()).isFalse();
  }
}
