package dev.keyaudit.scanner.bytecode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keyaudit.scanner.archive.ZipBuilder;
import dev.keyaudit.scanner.scan.ScanRequest;
import dev.keyaudit.scanner.scan.ScanResult;
import dev.keyaudit.scanner.scan.Scanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

/**
 * How a class is matched with its scanned source, so that the source frontend alone reports it:
 * without a SourceFile attribute, by exact package, and never for a dependency's namesake.
 */
class ClassSourceMatchingTest {

  @TempDir Path dir;

  private Path source(String folder, String packageName, String name) throws IOException {
    return WeakRsaClass.write(dir, folder, packageName, name);
  }

  private static byte[] compiled(Path source, String internalName) throws IOException {
    return WeakRsaClass.compiled(source, internalName);
  }

  private Path write(String relative, byte[] bytes) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.write(file, bytes);
  }

  private List<String> ka102(List<Path> paths, List<Path> dependencies) {
    ScanResult result =
        new Scanner()
            .scan(
                ScanRequest.builder(paths)
                    .root(dir)
                    .targetJdk(17)
                    .dependencies(dependencies)
                    .build());
    return result.findings().stream()
        .filter(f -> f.ruleId().equals("KA102"))
        .map(f -> f.location().toString())
        .toList();
  }

  /** As javac -g:none writes it: no SourceFile attribute. */
  private static byte[] withoutSourceFile(byte[] bytes) {
    ClassWriter writer = new ClassWriter(0);
    new ClassReader(bytes)
        .accept(
            new ClassVisitor(Opcodes.ASM9, writer) {
              @Override
              public void visitSource(String source, String debug) {}
            },
            0);
    return writer.toByteArray();
  }

  @Test
  void classWithoutSourceFileAttributeIsMatchedByItsName() throws IOException {
    Path signer = source("src/main/java/it/app", "it.app", "Signer");
    write(
        "target/classes/it/app/Signer.class", withoutSourceFile(compiled(signer, "it/app/Signer")));

    // The walk skips target/ under a scanned folder; a build hands its class folder explicitly.
    assertThat(ka102(List.of(dir.resolve("src"), dir.resolve("target/classes")), List.of()))
        .containsExactly("src/main/java/it/app/Signer.java:8");
  }

  @Test
  void defaultPackageClassIsNotTakenForANamesakeInAPackage() throws IOException {
    Path other = Files.createDirectories(dir.resolve("elsewhere"));
    Path defaultKeys = source("elsewhere", "", "Keys");
    write("classes/Keys.class", compiled(defaultKeys, "Keys"));
    Files.delete(defaultKeys);
    Files.delete(other);
    source("src/com/acme", "com.acme", "Keys");

    assertThat(ka102(List.of(dir), List.of()))
        .containsExactlyInAnyOrder("classes/Keys.class:8", "src/com/acme/Keys.java:8");
  }

  @Test
  void sourceInAConventionalRootMatchesItsPackageExactly() throws IOException {
    Path keys = source("src/main/java/com/acme", "com.acme", "Keys");
    write("target/classes/com/acme/Keys.class", compiled(keys, "com/acme/Keys"));
    // Same file name, another package whose folders end the same way: not the class's source.
    Path lookalike = source("src/main/java/org/com/acme", "org.com.acme", "Keys");
    Files.delete(keys);

    assertThat(ka102(List.of(dir.resolve("src"), dir.resolve("target/classes")), List.of()))
        .containsExactlyInAnyOrder(
            "target/classes/com/acme/Keys.class:8", "src/main/java/org/com/acme/Keys.java:8");
    assertThat(lookalike).exists();
  }

  @Test
  void dependencyNamesakeOfAProjectSourceIsStillReported() throws IOException {
    Path weak = source("src/com/acme", "com.acme", "Weak");
    byte[] bytes = compiled(weak, "com/acme/Weak");
    Path classpathJar =
        write("m2/dep-1.0.jar", ZipBuilder.jar().add("com/acme/Weak.class", bytes).bytes());
    byte[] library = ZipBuilder.jar().add("com/acme/Weak.class", bytes).bytes();
    write(
        "dist/app.jar",
        ZipBuilder.jar()
            .add("BOOT-INF/classes/com/acme/Weak.class", bytes)
            .add("BOOT-INF/lib/lib-1.0.jar", library)
            .bytes());

    assertThat(ka102(List.of(dir.resolve("src"), dir.resolve("dist")), List.of(classpathJar)))
        .containsExactlyInAnyOrder(
            "src/com/acme/Weak.java:8",
            "dist/app.jar!/BOOT-INF/lib/lib-1.0.jar!/com/acme/Weak.class:8",
            "m2/dep-1.0.jar!/com/acme/Weak.class:8");
  }
}
