package dev.keyaudit.scanner.archive;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArchivePathTest {

  @Test
  void splitsAtEachArchiveSeparator() {
    ArchivePath path = ArchivePath.parse("dist/app.jar!/BOOT-INF/lib/dep.jar!/com/acme/K.class");

    assertThat(path.file()).isEqualTo("dist/app.jar");
    assertThat(path.depth()).isEqualTo(2);
    assertThat(path.archive(0)).isEqualTo("dist/app.jar");
    assertThat(path.archive(1)).isEqualTo("dist/app.jar!/BOOT-INF/lib/dep.jar");
    assertThat(path.inLibFolder(0)).isFalse();
    assertThat(path.inLibFolder(1)).isTrue();
  }

  @Test
  void aPlainFileIsNotInAnArchive() {
    ArchivePath path = ArchivePath.parse("src/main/java/K.java");

    assertThat(path.inArchive()).isFalse();
    assertThat(path.depth()).isZero();
    assertThat(ArchivePath.parse("libs/x.jar").inLibFolder(0)).isFalse();
    assertThat(ArchivePath.parse("x/LIB/x.jar").inLibFolder(0)).isTrue();
  }
}
