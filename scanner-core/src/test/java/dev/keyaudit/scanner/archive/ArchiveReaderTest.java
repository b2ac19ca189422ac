package dev.keyaudit.scanner.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archive walking: layouts (fat jars, wars, nesting, multi-release) and hostile input. */
class ArchiveReaderTest {

  private static final byte[] CLASS = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};

  @TempDir Path dir;

  private final List<ClassEntry> classes = new ArrayList<>();
  private final List<ArchiveProblem> problems = new ArrayList<>();

  private void read(byte[] jar, ArchiveLimits limits, int targetJdk) throws IOException {
    Path file = dir.resolve("app.jar");
    Files.write(file, jar);
    new ArchiveReader(limits, targetJdk, classes::add, problems::add).read(file, "lib/app.jar");
  }

  private List<String> locations() {
    return classes.stream().map(ClassEntry::location).toList();
  }

  @Test
  void springBootFatJarWithNestedLibraryAndCoordinates() throws IOException {
    byte[] lib =
        ZipBuilder.jar()
            .add(
                "META-INF/maven/com.weak/weak-crypto/pom.properties",
                "groupId=com.weak\nartifactId=weak-crypto\nversion=1.2.3\n")
            .add("com/weak/Legacy.class", CLASS)
            .bytes();
    byte[] app =
        ZipBuilder.jar()
            .add("BOOT-INF/classes/com/acme/App.class", CLASS)
            .add("BOOT-INF/lib/weak-crypto-1.2.3.jar", lib)
            .add("BOOT-INF/classes/application.properties", "x=1")
            .bytes();
    read(app, ArchiveLimits.DEFAULT, 17);
    assertThat(locations())
        .containsExactly(
            "lib/app.jar!/BOOT-INF/classes/com/acme/App.class",
            "lib/app.jar!/BOOT-INF/lib/weak-crypto-1.2.3.jar!/com/weak/Legacy.class");
    Artifact dependency = classes.get(1).artifact();
    assertThat(dependency.coordinates()).isEqualTo("com.weak:weak-crypto:1.2.3");
    assertThat(dependency.nested()).isTrue();
    assertThat(classes.get(0).artifact().nested()).isFalse();
    assertThat(problems).isEmpty();
  }

  @Test
  void multiReleaseJarTakesTheHighestVersionNotAboveTheTarget() throws IOException {
    byte[] jar =
        ZipBuilder.jar()
            .add("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nMulti-Release: true\n")
            .add("com/x/K.class", CLASS)
            .add("META-INF/versions/11/com/x/K.class", CLASS)
            .add("META-INF/versions/21/com/x/K.class", CLASS)
            .add("com/x/Other.class", CLASS)
            .bytes();
    read(jar, ArchiveLimits.DEFAULT, 17);
    assertThat(locations())
        .containsExactlyInAnyOrder(
            "lib/app.jar!/META-INF/versions/11/com/x/K.class", "lib/app.jar!/com/x/Other.class");
  }

  @Test
  void versionedEntriesAreIgnoredWithoutTheManifestFlag() throws IOException {
    byte[] jar =
        ZipBuilder.jar()
            .add("com/x/K.class", CLASS)
            .add("META-INF/versions/11/com/x/K.class", CLASS)
            .bytes();
    read(jar, ArchiveLimits.DEFAULT, 17);
    assertThat(locations()).containsExactly("lib/app.jar!/com/x/K.class");
  }

  @Test
  void unsafeEntryNamesAreReportedAndSkipped() throws IOException {
    byte[] jar =
        ZipBuilder.jar()
            .add("../../evil/Escape.class", CLASS)
            .add("/abs/Root.class", CLASS)
            .add("ok/Fine.class", CLASS)
            .bytes();
    read(jar, ArchiveLimits.DEFAULT, 17);
    assertThat(locations()).containsExactly("lib/app.jar!/ok/Fine.class");
    assertThat(problems).hasSize(2).allMatch(p -> p.message().contains("unsafe name"));
  }

  /** A jar with two entries named {@code a/X.class}: ZipOutputStream refuses them, so patch. */
  private static byte[] duplicateEntries() {
    byte[] jar = ZipBuilder.jar().add("a/X.class", CLASS).add("a/Y.class", CLASS).bytes();
    byte[] from = "a/Y.class".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    for (int i = 0; i + from.length <= jar.length; i++) {
      if (java.util.Arrays.equals(jar, i, i + from.length, from, 0, from.length)) {
        jar[i + 2] = 'X';
      }
    }
    return jar;
  }

  @Test
  void duplicateEntriesKeepTheFirstAndAreReported() throws IOException {
    read(duplicateEntries(), ArchiveLimits.DEFAULT, 17);
    assertThat(locations()).containsExactly("lib/app.jar!/a/X.class");
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("duplicate entry"));

    classes.clear();
    problems.clear();
    read(
        ZipBuilder.jar().add("lib/dup.jar", duplicateEntries()).bytes(), ArchiveLimits.DEFAULT, 17);
    assertThat(locations()).containsExactly("lib/app.jar!/lib/dup.jar!/a/X.class");
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("duplicate entry"));
  }

  @Test
  void zipBombEntryStopsAtTheEntryLimit() throws IOException {
    byte[] zeros = new byte[4 << 20]; // compresses to a few kilobytes
    byte[] jar = ZipBuilder.jar().add("a/Bomb.class", zeros).add("a/Next.class", CLASS).bytes();
    assertThat(jar.length).isLessThan(64 << 10);
    read(jar, new ArchiveLimits(100, 1 << 20, 1L << 30, 4), 17);
    assertThat(problems).anyMatch(p -> p.message().contains("larger than"));
    assertThat(locations()).doesNotContain("lib/app.jar!/a/Bomb.class");
  }

  @Test
  void nestedBombIsBoundedByTheTotalSize() throws IOException {
    byte[] inner = ZipBuilder.jar().add("a/Big.class", new byte[3 << 20]).bytes();
    ZipBuilder outer = ZipBuilder.jar();
    for (int i = 0; i < 4; i++) {
      outer.add("lib/inner" + i + ".jar", inner);
    }
    read(outer.bytes(), new ArchiveLimits(100, 8 << 20, 7 << 20, 4), 17);
    assertThat(problems).anyMatch(p -> p.message().contains("zip bomb"));
    assertThat(classes.size()).isLessThan(4);
  }

  @Test
  void tooManyEntriesAreRefused() throws IOException {
    ZipBuilder jar = ZipBuilder.jar();
    for (int i = 0; i < 20; i++) {
      jar.add("c/C" + i + ".class", CLASS);
    }
    read(jar.bytes(), new ArchiveLimits(10, 1 << 20, 1L << 30, 4), 17);
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("20 entries"));
    assertThat(classes).isEmpty();
  }

  @Test
  void nestingDeeperThanTheLimitIsSkipped() throws IOException {
    byte[] level3 = ZipBuilder.jar().add("d/Deep.class", CLASS).bytes();
    byte[] level2 = ZipBuilder.jar().add("l3.jar", level3).add("d/Two.class", CLASS).bytes();
    byte[] level1 = ZipBuilder.jar().add("l2.jar", level2).bytes();
    read(level1, new ArchiveLimits(100, 1 << 20, 1L << 30, 1), 17);
    assertThat(locations()).containsExactly("lib/app.jar!/l2.jar!/d/Two.class");
    assertThat(problems)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.location()).isEqualTo("lib/app.jar!/l2.jar!/l3.jar");
              assertThat(p.message()).contains("nesting deeper than 1");
            });
  }

  @Test
  void corruptArchivesAreReportedNotThrown() throws IOException {
    read(
        "not a zip at all".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        ArchiveLimits.DEFAULT,
        17);
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("cannot read"));

    problems.clear();
    byte[] jar = ZipBuilder.jar().add("lib/broken.jar", new byte[] {'P', 'K', 3, 4, 9, 9}).bytes();
    read(jar, ArchiveLimits.DEFAULT, 17);
    assertThat(problems)
        .singleElement()
        .satisfies(p -> assertThat(p.location()).isEqualTo("lib/app.jar!/lib/broken.jar"));
  }
}
