package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.rules.facts.KeyPairGeneration;
import dev.keyaudit.scanner.archive.ClassEntry;
import dev.keyaudit.scanner.config.ConfigIndex;
import dev.keyaudit.scanner.scan.ScanContext;
import dev.keyaudit.scanner.source.CollectingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Values the shared engine resolves across classes, in shapes the fixtures do not cover. */
class CrossClassValuesTest {

  @Test
  void enumConstantHeldInOwnStaticField(@TempDir Path dir) throws IOException {
    Path profile =
        write(
            dir,
            "Profile.java",
            """
            package p;
            public enum Profile {
              LEGACY(1024), MODERN(3072);
              final int bits;
              Profile(int bits) { this.bits = bits; }
            }
            """);
    Path keys =
        write(
            dir,
            "Keys.java",
            """
            package p;
            import java.security.KeyPairGenerator;
            public class Keys {
              static final Profile CHOSEN = Profile.LEGACY;
              Object make() throws Exception {
                KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
                kpg.initialize(CHOSEN.bits);
                return kpg.generateKeyPair();
              }
            }
            """);
    List<ClassEntry> classes = new ArrayList<>();
    InMemoryJavac.compile(List.of(profile, keys), 17)
        .forEach(
            (source, compiled) ->
                compiled
                    .values()
                    .forEach(
                        b ->
                            classes.add(new ClassEntry(source.getFileName().toString(), b, null))));
    CollectingSink sink = new CollectingSink();
    new BytecodeFrontend()
        .analyze(classes, ConfigIndex.of(List.of()), new ScanContext(17, 1), sink);
    assertThat(sink.facts)
        .filteredOn(f -> f instanceof KeyPairGeneration)
        .singleElement()
        .satisfies(f -> assertThat(((KeyPairGeneration) f).keySize().knownValue()).contains(1024));
  }

  private static Path write(Path dir, String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }
}
